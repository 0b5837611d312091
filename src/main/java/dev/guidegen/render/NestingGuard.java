package dev.guidegen.render;

import dev.guidegen.problem.Limits;
import dev.guidegen.problem.SourcePos;
import dev.guidegen.source.SourceTree;
import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stops a page whose template nests deeper than {@link Limits#MAX_TEMPLATE_NESTING}, as a macro or
 * include that calls itself does, before the Java stack overflows. The error names the call that
 * repeats, at its line, where the editor can break the loop.
 */
final class NestingGuard implements TemplateProcessingTracer {

    /** Thrown out of FreeMarker to end the page; the renderer turns it into a problem. */
    static final class TooDeep extends RuntimeException {
        private final transient SourcePos pos;

        TooDeep(SourcePos pos, String message) {
            super(message, null, false, false);
            this.pos = pos;
        }

        SourcePos pos() {
            return pos;
        }
    }

    /**
     * The elements entered and not yet left, outermost first, in the first {@code depth} places: an
     * array rather than a list, as this is called on entering and leaving every element of every page.
     */
    private TracedElement[] stack = new TracedElement[32];
    private int depth;

    @Override
    public void enterElement(Environment env, TracedElement element) {
        if (depth == Limits.MAX_TEMPLATE_NESTING) {
            throw tooDeep(element);
        }
        if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, stack.length * 2);
        }
        stack[depth++] = element;
    }

    @Override
    public void exitElement(Environment env, TracedElement element) {
        if (depth > 0) {
            stack[--depth] = null;
        }
    }

    /**
     * The outermost call (a macro call or an include) that recurs most often is where the loop starts,
     * with {@code entering} as the last element.
     */
    private TooDeep tooDeep(TracedElement entering) {
        List<TracedElement> stack = new ArrayList<>(java.util.Arrays.asList(this.stack).subList(0, depth));
        stack.add(entering);
        Map<String, Integer> counts = new HashMap<>();
        for (TracedElement e : stack) {
            counts.merge(key(e), 1, Integer::sum);
        }
        TracedElement loop = stack.get(0);
        int most = 0;
        for (boolean callsOnly : new boolean[] {true, false}) {
            for (TracedElement e : stack) {
                int c = counts.get(key(e));
                if ((!callsOnly || isCall(e)) && c > most) {
                    most = c;
                    loop = e;
                }
            }
            if (most > 1) {
                break;
            }
        }
        String name = loop.getTemplate() == null ? "" : loop.getTemplate().getSourceName();
        SourcePos pos = new SourcePos(SourceTree.TEMPLATES + name, Math.max(1, loop.getBeginLine()),
                Math.max(1, loop.getBeginColumn()));
        String what = most > 1 ? "\"" + describe(loop) + "\" calls itself without end"
                : "directives nest too deep";
        return new TooDeep(pos, what + " (more than " + Limits.MAX_TEMPLATE_NESTING + " levels)");
    }

    private static String key(TracedElement e) {
        return (e.getTemplate() == null ? "" : e.getTemplate().getSourceName()) + ":" + e.getBeginLine() + ":"
                + e.getBeginColumn() + " " + e.getDescription();
    }

    private static boolean isCall(TracedElement e) {
        String d = e.getDescription();
        return d.startsWith("@") || d.startsWith("#include") || d.startsWith("#nested") || d.startsWith("#visit")
                || d.startsWith("#recurse");
    }

    private static String describe(TracedElement e) {
        String d = e.getDescription();
        return d.length() > 60 ? d.substring(0, 60) + "..." : d;
    }
}
