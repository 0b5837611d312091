package dev.guidegen.content;

import dev.guidegen.problem.SourcePos;
import dev.guidegen.source.Ref;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A guide as every page but its own sees it. Its body and its FAQ answers show only on the guide's
 * own page and FAQ page; elsewhere they count only through where they link, and the site stage
 * reads besides only the URLs of their links and images and the ids of their headings and raw
 * elements. Two parses of a guide with the same shape differ on no other page, so a rebuild after
 * an edit that keeps the shape renders those two pages alone.
 */
public final class GuideShape {

    private static final SourcePos NOWHERE = new SourcePos("", 0, 0);
    /** The fingerprints a shape is written with: a shape holds no file's bytes, so none, the same for every shape. */
    private static final byte[] NO_DIGEST = new byte[dev.guidegen.work.Digest.LENGTH];

    private GuideShape() {
    }

    /**
     * The guide with its body and answers reduced to where they link, positions kept: two guides
     * are equal in shape only when each field other pages show, and its place in the file, is.
     */
    public static Guide of(Guide g) {
        List<FaqEntry> faq = g.faq().stream().map(q -> new FaqEntry(q.question(), links(q.answer()), q.pos())).toList();
        return new Guide(g.slug(), g.path(), g.title(), g.summary(), g.updated(), g.level(), g.experience(), g.group(), g.skills(),
                g.related(), g.careerPath(), g.compare(), g.salaryKey(), g.salaryGiven(), g.salaryOff(), faq, g.draft(),
                links(g.body()), g.aliases());
    }

    /**
     * What the site stage reads of a body or an answer besides where it links: each link's and
     * image's URL, and each heading's and raw element's id, without their places.
     */
    private static List<List<String>> seenBySite(Markdown body) {
        return List.of(body.links().stream().map(Ref::value).toList(),
                body.images().stream().map(Ref::value).toList(),
                body.headings().stream().map(Heading::id).toList(),
                body.rawIds().stream().map(Ref::value).toList());
    }

    /** What the site stage reads of the guide's body and of each of its answers, in that order. */
    public static List<List<List<String>>> seenBySite(Guide g) {
        List<List<List<String>>> all = new java.util.ArrayList<>();
        all.add(seenBySite(g.body()));
        g.faq().forEach(q -> all.add(seenBySite(q.answer())));
        return all;
    }

    /**
     * The fingerprint ({@link dev.guidegen.work.Digest}) of everything other pages and the site stage can see of the guide, with every
     * position left out: when a build found no problem in the guide, where a link or a heading
     * stands changes no page but the guide's own. Two guides with the same digest have the same
     * {@link #of} but for positions, and the same {@link #seenBySite(Guide)}.
     */
    public static byte[] digest(Guide g) {
        // The shape's body and answers hold no places already: only their targets.
        Guide shape = of(g);
        List<FaqEntry> faq = shape.faq().stream().map(q -> new FaqEntry(q.question(), q.answer(), NOWHERE)).toList();
        Guide placeless = new Guide(shape.slug(), shape.path(), shape.title(), shape.summary(), shape.updated(), shape.level(),
                shape.experience(), placeless(shape.group()), placeless(shape.skills()), placeless(shape.related()),
                placeless(shape.careerPath()), placeless(shape.compare()), placeless(shape.salaryKey()), shape.salaryGiven(),
                shape.salaryOff(), faq, shape.draft(), shape.body(), placeless(shape.aliases()));
        dev.guidegen.work.Bytes bytes = new dev.guidegen.work.Bytes(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ParseCodec.write(out, new ParseMemo.Stored(NO_DIGEST, NO_DIGEST, placeless, List.of()));
            for (List<List<String>> seen : seenBySite(g)) {
                for (List<String> values : seen) {
                    out.writeInt(values.size());
                    for (String v : values) {
                        out.writeInt(v.length());
                        out.writeChars(v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dev.guidegen.work.Digest.of(bytes.toByteArray());
    }

    /** A body or answer as the shape keeps it: no text, only where it links. */
    private static Markdown links(Markdown m) {
        return new Markdown("", m.targets(), List.of(), List.of(), List.of(), List.of(), false, 0);
    }

    private static Ref placeless(Ref r) {
        return r == null ? null : new Ref(r.value(), NOWHERE);
    }

    private static List<Ref> placeless(List<Ref> refs) {
        return refs.stream().map(GuideShape::placeless).toList();
    }
}
