package dev.guidegen.content;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives every heading of a document its id: the one written after it as {@code {#my-id}}, or one
 * made from its text, GitHub's way, with {@code -1}, {@code -2} for repeats. Written ids are claimed
 * first, so a made id never takes one.
 */
final class HeadingIds {

    /** "{#id}" at the end of a heading's text. */
    private static final Pattern CUSTOM = Pattern.compile("[ \\t]*\\{#([^}\\s]*)\\}[ \\t]*$");
    /** What a written id may be: no '.', which only the ids of FAQ answers' headings hold. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private HeadingIds() {
    }

    static void assign(Document doc, String idPrefix, IntFunction<SourcePos> posOf, Problems problems) {
        List<Heading> headings = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (Node node : doc.getDescendants()) {
            if (node instanceof Heading h) {
                headings.add(h);
                written.add(takeCustomId(h, posOf, problems));
            }
        }
        new HeaderIdGenerator.Factory().create().generateIds(doc);
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < headings.size(); i++) {
            String id = written.get(i);
            if (id != null && !taken.add(id)) {
                problems.error(posOf.apply(headings.get(i).getStartOffset()), "heading id \"" + id + "\" is written twice",
                        "give each heading its own id");
            }
        }
        Set<String> made = new HashSet<>();
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            String id = written.get(i);
            if (id == null) {
                String base = h.getAnchorRefId();
                id = base;
                for (int n = 1; taken.contains(id) || made.contains(id); n++) {
                    id = base + "-" + n;
                }
                made.add(id);
            }
            if (written.get(i) != null || !idPrefix.isEmpty() || !id.equals(h.getAnchorRefId())) {
                h.setAnchorRefId(idPrefix + id);
                h.setExplicitAnchorRefId(true);
            }
        }
    }

    /** Removes "{#id}" from the end of a heading's text and returns the id, or null if there is none. */
    private static String takeCustomId(Heading h, IntFunction<SourcePos> posOf, Problems problems) {
        if (!(h.getLastChild() instanceof Text text)) {
            return null;
        }
        BasedSequence chars = text.getChars();
        int end = chars.length();
        while (end > 0 && " \t\n\r\u0085\u2028\u2029".indexOf(chars.charAt(end - 1)) >= 0) {
            end--; // what CUSTOM allows after the '}', its '$' included, and a little more
        }
        if (end == 0 || chars.charAt(end - 1) != '}') {
            return null; // as most headings: no "{#id}" at the end, and no matcher made to say so
        }
        Matcher m = CUSTOM.matcher(chars);
        if (!m.find()) {
            return null;
        }
        String id = m.group(1);
        if (!VALID.matcher(id).matches()) {
            problems.error(posOf.apply(chars.getStartOffset() + m.start(1)), "heading id \"" + id
                    + "\" must start with a letter and hold only letters, digits, hyphens and underscores",
                    "write it like {#day-to-day-work}");
            return null;
        }
        BasedSequence kept = chars.subSequence(0, m.start());
        if (kept.isEmpty()) {
            text.unlink();
        } else {
            text.setChars(kept);
        }
        return id;
    }
}
