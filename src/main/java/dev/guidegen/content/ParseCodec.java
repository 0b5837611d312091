package dev.guidegen.content;

import dev.guidegen.problem.Problem;
import dev.guidegen.problem.Severity;
import dev.guidegen.problem.SourcePos;
import dev.guidegen.source.Ref;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a file's stored parse as bytes and reads it back, field by field: the cache on disk holds
 * only strings, numbers and lists, never objects of any class a file names. Reading checks every
 * length against the bytes left, so a damaged cache is an {@link IOException}, never a crash.
 */
public final class ParseCodec {

    private static final int GUIDE = 1;
    private static final int GROUP = 2;
    private static final int PAGE = 3;
    private static final int DIGEST = dev.guidegen.work.Digest.LENGTH;
    private static final int NULL = -1;

    private ParseCodec() {
    }

    public static void write(DataOutput out, ParseMemo.Stored s) throws IOException {
        if (s.bytes().length != DIGEST || s.context().length != DIGEST) {
            // read back, the rest of the record would start in the wrong place
            throw new IllegalArgumentException("a parse's fingerprints must be " + DIGEST + " bytes");
        }
        out.write(s.bytes());
        out.write(s.context());
        Object value = s.value();
        if (value == null) {
            out.writeByte(0);
        } else if (value instanceof Guide g) {
            out.writeByte(GUIDE);
            str(out, g.slug());
            str(out, g.path());
            str(out, g.title());
            str(out, g.summary());
            out.writeBoolean(g.updated() != null);
            if (g.updated() != null) {
                out.writeLong(g.updated().toEpochDay());
            }
            str(out, g.level());
            str(out, g.experience());
            ref(out, g.group());
            refs(out, g.skills());
            refs(out, g.related());
            refs(out, g.careerPath());
            refs(out, g.compare());
            ref(out, g.salaryKey());
            out.writeBoolean(g.salaryGiven());
            out.writeBoolean(g.salaryOff());
            out.writeInt(g.faq().size());
            for (FaqEntry f : g.faq()) {
                str(out, f.question());
                markdown(out, f.answer());
                pos(out, f.pos());
            }
            out.writeBoolean(g.draft());
            markdown(out, g.body());
            refs(out, g.aliases());
        } else if (value instanceof Group g) {
            plain(out, GROUP, g.key(), g.path(), g.title(), g.summary(), g.draft(), g.body());
        } else if (value instanceof Page p) {
            plain(out, PAGE, p.slug(), p.path(), p.title(), p.summary(), p.draft(), p.body());
            refs(out, p.aliases());
        } else {
            throw new IllegalArgumentException("not a parse: " + value.getClass());
        }
        out.writeInt(s.problems().size());
        for (Problem p : s.problems()) {
            pos(out, p.pos());
            out.writeByte(p.severity().ordinal());
            str(out, p.message());
            str(out, p.hint());
        }
    }

    /** What a group and a page both hold, in the order both are read back. */
    private static void plain(DataOutput out, int kind, String key, String path, String title, String summary, boolean draft,
            Markdown body) throws IOException {
        out.writeByte(kind);
        str(out, key);
        str(out, path);
        str(out, title);
        str(out, summary);
        out.writeBoolean(draft);
        markdown(out, body);
    }

    public static ParseMemo.Stored read(Reader in) throws IOException {
        byte[] bytes = in.bytes(DIGEST);
        byte[] context = in.bytes(DIGEST);
        Object value = switch (in.in.readByte()) {
            case 0 -> null;
            case GUIDE -> new Guide(in.str(), in.str(), in.str(), in.str(),
                    in.in.readBoolean() ? LocalDate.ofEpochDay(in.in.readLong()) : null, in.str(), in.str(), in.ref(),
                    in.refs(), in.refs(), in.refs(), in.refs(), in.ref(), in.in.readBoolean(), in.in.readBoolean(), in.faq(),
                    in.in.readBoolean(), in.markdown(), in.refs());
            case GROUP -> new Group(in.str(), in.str(), in.str(), in.str(), in.in.readBoolean(), in.markdown());
            case PAGE -> new Page(in.str(), in.str(), in.str(), in.str(), in.in.readBoolean(), in.markdown(), in.refs());
            default -> throw new IOException("unknown kind of parse");
        };
        int n = in.count();
        List<Problem> problems = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SourcePos pos = in.pos();
            int severity = in.in.readUnsignedByte();
            if (severity >= Severity.values().length) {
                throw new IOException("unknown severity");
            }
            problems.add(new Problem(pos, Severity.values()[severity], in.str(), in.str()));
        }
        return new ParseMemo.Stored(bytes, context, value, problems);
    }

    /** A string as {@link dev.guidegen.work.Utf8} writes it, or {@link #NULL}. */
    private static void str(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(NULL);
        } else {
            dev.guidegen.work.Utf8.write(out, s);
        }
    }

    private static void pos(DataOutput out, SourcePos pos) throws IOException {
        out.writeBoolean(pos != null);
        if (pos != null) {
            str(out, pos.path());
            out.writeInt(pos.line());
            out.writeInt(pos.col());
        }
    }

    private static void ref(DataOutput out, Ref ref) throws IOException {
        out.writeBoolean(ref != null);
        if (ref != null) {
            str(out, ref.value());
            pos(out, ref.pos());
        }
    }

    private static void refs(DataOutput out, List<Ref> refs) throws IOException {
        out.writeInt(refs.size());
        for (Ref r : refs) {
            ref(out, r);
        }
    }

    private static void markdown(DataOutput out, Markdown m) throws IOException {
        out.writeBoolean(m != null);
        if (m == null) {
            return;
        }
        str(out, m.html());
        out.writeInt(m.targets().size());
        for (String t : m.targets()) {
            str(out, t);
        }
        out.writeInt(m.headings().size());
        for (Heading h : m.headings()) {
            out.writeInt(h.level());
            str(out, h.text());
            str(out, h.id());
            pos(out, h.pos());
        }
        refs(out, m.links());
        refs(out, m.images());
        refs(out, m.rawIds());
        out.writeBoolean(m.rawHtml());
        out.writeInt(m.words());
    }

    /** Reads what {@link #write} wrote, from {@code in}, which holds {@code length} bytes in all. */
    public static final class Reader {
        private final DataInput in;
        private long left;

        public Reader(DataInput in, long length) {
            this.in = in;
            this.left = length;
        }

        private void take(long n) throws IOException {
            if (n < 0 || n > left) {
                throw new IOException("a length runs past the end");
            }
            left -= n;
        }

        byte[] bytes(int n) throws IOException {
            take(n);
            byte[] b = new byte[n];
            in.readFully(b);
            return b;
        }

        /** A count of items, each of which takes at least one byte. */
        int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > left) {
                throw new IOException("a count runs past the end");
            }
            return n;
        }

        String str() throws IOException {
            int n = in.readInt();
            if (n == NULL) {
                return null;
            }
            if (n == dev.guidegen.work.Utf8.UTF16) {
                int chars = in.readInt();
                if (chars < 0 || chars > left / 2) {
                    throw new IOException("a string runs past the end");
                }
                return dev.guidegen.work.Utf8.fromUtf16(bytes(chars * 2));
            }
            return new String(bytes(n), StandardCharsets.UTF_8);
        }

        SourcePos pos() throws IOException {
            return in.readBoolean() ? new SourcePos(str(), in.readInt(), in.readInt()) : null;
        }

        Ref ref() throws IOException {
            return in.readBoolean() ? new Ref(str(), pos()) : null;
        }

        List<Ref> refs() throws IOException {
            int n = count();
            List<Ref> refs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                refs.add(ref());
            }
            return refs;
        }

        List<FaqEntry> faq() throws IOException {
            int n = count();
            List<FaqEntry> faq = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                faq.add(new FaqEntry(str(), markdown(), pos()));
            }
            return faq;
        }

        Markdown markdown() throws IOException {
            if (!in.readBoolean()) {
                return null;
            }
            String html = str();
            int n = count();
            List<String> targets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                targets.add(str());
            }
            n = count();
            List<Heading> headings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                headings.add(new Heading(in.readInt(), str(), str(), pos()));
            }
            return new Markdown(html, targets, headings, refs(), refs(), refs(), in.readBoolean(), in.readInt());
        }
    }
}
