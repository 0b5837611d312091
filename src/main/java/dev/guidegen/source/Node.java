package dev.guidegen.source;

import dev.guidegen.problem.SourcePos;
import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON value that remembers where it was written, so that later stages can point an
 * editor at the exact line and column of a bad value.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar {

    SourcePos pos();

    /** How the value reads in an error message: "a list", "a string", ... */
    String kind();

    record Entry(String key, SourcePos keyPos, Node value) {
    }

    record MapNode(SourcePos pos, Map<String, Entry> entries) implements Node {
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record ListNode(SourcePos pos, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    enum ScalarType { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    record Scalar(SourcePos pos, String text, ScalarType type) implements Node {
        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "a string";
                case INTEGER -> "an integer";
                case DECIMAL -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "empty";
            };
        }
    }
}
