package dev.guidegen.salary;

import dev.guidegen.source.Fields;
import dev.guidegen.source.Ref;
import dev.guidegen.problem.DidYouMean;
import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import dev.guidegen.source.Node;
import dev.guidegen.source.NodeReader;
import dev.guidegen.source.SourceTree;
import dev.guidegen.source.TextDecoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** The salary stage: reads and validates the snapshot, recording a problem at each bad value. */
public final class SnapshotReader {

    public static final String PATH = dev.guidegen.content.ContentReader.SNAPSHOT;

    private static final List<String> PERCENTILES = List.of("p10", "p25", "median", "p75", "p90");
    private static final Set<String> TOP_KEYS = Set.of("snapshot_date", "currency", "period", "source", "sources",
            "categories", "roles");
    private static final Set<String> FIGURE_KEYS = Set.of("basis", "p10", "p25", "median", "p75", "p90", "low", "high",
            "sample", "source");
    /** No annual pay figure is larger; a bigger one is a typing mistake. */
    private static final long MAX_FIGURE = 100_000_000L;
    private static final Set<String> SOURCE_KEYS = Set.of("title", "publisher", "date");
    private static final Set<String> CATEGORY_KEYS = with(FIGURE_KEYS, "label", "note");
    private static final Set<String> ROLE_KEYS = with(FIGURE_KEYS, "category", "stated");
    private static final Set<String> STATED_KEYS = with(with(FIGURE_KEYS, "label", "note"), "pct_low", "pct_high", "over");

    private final Problems problems;

    public SnapshotReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * Reads as {@link #read(SourceTree)} does, taking the snapshot and its problems from {@code memo}
     * (which may be null) when the file's bytes are the memo's last build's.
     */
    public Snapshot read(SourceTree tree, SnapshotMemo memo) {
        if (memo == null || !tree.has(PATH)) {
            return read(tree);
        }
        memo.files.begin();
        SnapshotMemo.Entry entry = memo.files.get(PATH, tree.bytes(PATH), "", () -> {
            Problems own = new Problems();
            Snapshot snapshot = new SnapshotReader(own).read(tree);
            return new SnapshotMemo.Entry(snapshot, own.sorted());
        });
        entry.problems().forEach(problems::add);
        return entry.snapshot();
    }

    public Snapshot read(SourceTree tree) {
        if (tree.refused(PATH)) {
            return Snapshot.empty();
        }
        if (!tree.has(PATH)) {
            problems.error(SourcePos.start(PATH), "missing salary snapshot",
                    "create content/data/salaries.json with snapshot_date, currency, period, source, categories and roles");
            return Snapshot.empty();
        }
        Optional<Fields> top = TextDecoder.decode(PATH, tree.bytes(PATH), problems)
                .flatMap(text -> {
                    if (text.isBlank()) {
                        problems.error(SourcePos.start(PATH), "empty file");
                        return Optional.empty();
                    }
                    return NodeReader.json().read(PATH, text, 0, problems);
                })
                .flatMap(node -> Fields.of(node, "the salary snapshot", SourcePos.start(PATH), problems));
        if (top.isEmpty()) {
            return Snapshot.empty();
        }
        Fields f = top.get();
        f.warnUnknown(TOP_KEYS, "the salary snapshot");
        LocalDate date = f.date("snapshot_date", true).orElse(null);
        String currency = f.string("currency", true).map(ref -> {
            if (!ref.value().matches("[A-Z]{3}")) {
                problems.error(ref.pos(), "\"currency\" must be a three-letter code such as USD, not \"" + ref.value() + "\"");
            }
            return ref.value();
        }).orElse("USD");
        String period = f.string("period", true).map(ref -> {
            if (!ref.value().equals("year")) {
                problems.error(ref.pos(), "\"period\" must be \"year\", not \"" + ref.value() + "\"",
                        "figures are annual pay; convert other periods before adding them");
            }
            return ref.value();
        }).orElse("year");
        String source = f.string("source", true).map(Ref::value).orElse("");

        SortedMap<String, Source> sources = new TreeMap<>();
        forEachEntry(f, "sources", false, (key, item) -> {
            item.warnUnknown(SOURCE_KEYS, "a source");
            String title = item.string("title", true).map(Ref::value).orElse(key);
            String publisher = item.string("publisher", false).map(Ref::value).orElse("");
            String when = item.date("date", false).map(LocalDate::toString).orElse("");
            sources.put(key, new Source(key, title, publisher, when));
        });

        SortedMap<String, Category> categories = new TreeMap<>();
        forEachEntry(f, "categories", true, (key, item) -> {
            item.warnUnknown(CATEGORY_KEYS, "a category");
            String label = item.string("label", true).map(Ref::value).orElse(key);
            String note = item.string("note", false).map(Ref::value).orElse("");
            Figures figures = figures(item, sources, true);
            headlineOnly(item, figures);
            categories.put(key, new Category(key, label, figures, note));
        });

        SortedMap<String, RoleSalary> roles = new TreeMap<>();
        forEachEntry(f, "roles", true, (key, item) -> {
            item.warnUnknown(ROLE_KEYS, "a role");
            String category = item.string("category", true).map(ref -> {
                if (!categories.containsKey(ref.value()) && f.has("categories")) {
                    problems.error(ref.pos(), "unknown category \"" + ref.value() + "\""
                            + DidYouMean.suffix(ref.value(), categories.keySet()),
                            DidYouMean.known("categories", categories.keySet()));
                }
                return ref.value();
            }).orElse("");
            Figures figures = figures(item, sources, false);
            headlineOnly(item, figures);
            List<Stated> stated = new ArrayList<>();
            for (Fields s : item.mappings("stated", "figures, each {label, basis, ...}")) {
                s.warnUnknown(STATED_KEYS, "a stated figure");
                String label = s.string("label", true).map(Ref::value).orElse("");
                String note = s.string("note", false).map(Ref::value).orElse("");
                stated.add(new Stated(label, figures(s, sources, true), note));
            }
            roles.put(key, new RoleSalary(key, category, figures, stated, item.where()));
        });
        return new Snapshot(date, f.posOf("snapshot_date"), currency, period, source, sources, categories, roles);
    }

    private interface EntryReader {
        void read(String key, Fields item);
    }

    private void forEachEntry(Fields parent, String key, boolean required, EntryReader reader) {
        if (!parent.has(key)) {
            if (required) {
                problems.error(parent.where(), "missing required field \"" + key + "\"");
            }
            return;
        }
        Node node = parent.map().get(key);
        if (!(node instanceof Node.MapNode map)) {
            problems.error(node.pos(), "\"" + key + "\" must be a mapping from keys to entries, not " + node.kind());
            return;
        }
        for (Node.Entry e : new TreeMap<>(map.entries()).values()) {
            Fields.of(e.value(), "\"" + key + "." + e.key() + "\"", e.keyPos(), problems)
                    .map(fields -> new Fields(fields.map(), e.keyPos(), problems))
                    .ifPresent(fields -> reader.read(e.key(), fields));
        }
    }

    /** Headline and benchmark figures must give a band or a median; bounds and premiums are only stated figures. */
    private void headlineOnly(Fields f, Figures figures) {
        if (figures.basis() == Basis.FLOOR || figures.basis() == Basis.PREMIUM) {
            problems.error(f.posOf("basis"), "basis \"" + figures.basis().key() + "\" is only for figures under \"stated\"",
                    "a role's own figures and a category's are a range, percentiles or a median");
        }
    }

    /** Reads and checks one set of figures; {@code required} says whether it may be empty. */
    private Figures figures(Fields f, Map<String, Source> sources, boolean required) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String key : List.of("p10", "p25", "median", "p75", "p90", "low", "high")) {
            money(f, key).ifPresent(v -> values.put(key, v));
        }
        Long pctLow = money(f, "pct_low").orElse(null);
        Long pctHigh = money(f, "pct_high").orElse(null);
        String over = f.string("over", false).map(Ref::value).orElse("");
        if (pctLow != null || pctHigh != null) {
            if (pctLow != null && pctHigh != null && pctHigh < pctLow) {
                problems.error(f.posOf("pct_high"), "\"pct_high\" (" + pctHigh + ") is below \"pct_low\" (" + pctLow + ")");
            }
            values.put("pct", pctLow != null ? pctLow : pctHigh);
        }
        Integer sample = f.count("sample", false).orElse(null);
        String source = f.string("source", false).map(ref -> {
            if (!sources.containsKey(ref.value())) {
                problems.error(ref.pos(), "unknown source \"" + ref.value() + "\"" + DidYouMean.suffix(ref.value(), sources.keySet()),
                        "list it under \"sources\" first");
            }
            return ref.value();
        }).orElse("");
        Basis basis = f.string("basis", !values.isEmpty()).flatMap(ref -> {
            Optional<Basis> b = Basis.of(ref.value());
            if (b.isEmpty()) {
                problems.error(ref.pos(), "unknown basis \"" + ref.value() + "\"" + DidYouMean.suffix(ref.value(), Basis.keys()),
                        "bases: " + String.join(", ", Basis.keys()));
            }
            return b;
        }).orElse(null);
        if (values.isEmpty()) {
            if (required) {
                problems.error(f.where(), "no figures: give p25 and p75, a median, or low and high");
            }
            if (basis != null || sample != null) {
                problems.error(f.where(), "\"basis\" and \"sample\" need figures to describe");
            }
            return new Figures(null, null, null, null, null, null, null, null, null, null, "", null, source, f.where());
        }
        if (basis != null) {
            checkBasis(f, basis, values);
        }
        checkOrder(f, values, PERCENTILES, "percentiles must rise from p10 to p90");
        checkOrder(f, values, List.of("low", "median", "high"), "low, median and high must rise in that order");
        return new Figures(basis, values.get("p10"), values.get("p25"), values.get("median"), values.get("p75"),
                values.get("p90"), values.get("low"), values.get("high"), pctLow, pctHigh, over, sample, source, f.where());
    }

    private void checkBasis(Fields f, Basis basis, Map<String, Long> values) {
        boolean range = values.containsKey("low") || values.containsKey("high");
        boolean premium = values.containsKey("pct");
        SourcePos at = f.posOf("basis");
        if (premium != (basis == Basis.PREMIUM)) {
            problems.error(at, basis == Basis.PREMIUM ? "basis \"premium\" takes pct_low and pct_high, in percent, and over"
                    : "pct_low and pct_high belong to basis \"premium\"");
            return;
        }
        switch (basis) {
            case PERCENTILES -> {
                if (range || values.keySet().stream().noneMatch(k -> k.matches("p\\d+"))) {
                    problems.error(at, "basis \"percentiles\" takes p10, p25, median, p75 and p90, not low and high");
                }
            }
            case TYPICAL_RANGE, FULL_RANGE -> {
                if (values.keySet().stream().anyMatch(k -> k.matches("p\\d+")) || !values.containsKey("low")
                        || !values.containsKey("high")) {
                    problems.error(at, "basis \"" + basis.key() + "\" takes low and high (and may add a median)");
                }
            }
            case MEDIAN -> {
                if (range || values.size() != 1 || !values.containsKey("median")) {
                    problems.error(at, "basis \"median\" takes only a median");
                }
            }
            case FLOOR -> {
                if (values.size() != 1 || !values.containsKey("low")) {
                    problems.error(at, "basis \"floor\" takes only low, the amount pay starts at or exceeds");
                }
            }
            case PREMIUM -> {
                if (values.size() != 1 || !f.has("over")) {
                    problems.error(at, "basis \"premium\" takes only pct_low, pct_high and over");
                }
            }
        }
    }

    private void checkOrder(Fields f, Map<String, Long> values, List<String> order, String rule) {
        String prevKey = null;
        for (String key : order) {
            Long v = values.get(key);
            if (v == null) {
                continue;
            }
            if (prevKey != null && v < values.get(prevKey)) {
                problems.error(f.posOf(key), "\"" + key + "\" (" + v + ") is below \"" + prevKey + "\" (" + values.get(prevKey)
                        + "): " + rule);
            }
            prevKey = key;
        }
    }

    private Optional<Long> money(Fields f, String key) {
        Node n = f.map().get(key);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof Node.Scalar s && s.type() == Node.ScalarType.DECIMAL) {
            problems.error(s.pos(), "\"" + key + "\" must be a whole number, not " + s.text(),
                    "figures are whole dollars a year, or whole percent for a premium");
            return Optional.empty();
        }
        if (n instanceof Node.Scalar s && s.type() == Node.ScalarType.INTEGER) {
            double v = Double.parseDouble(s.text());
            if (v < 0) {
                problems.error(s.pos(), "\"" + key + "\" must not be negative, not " + s.text());
                return Optional.empty();
            }
            if (v > MAX_FIGURE || Double.isInfinite(v)) {
                problems.error(s.pos(), "\"" + key + "\" is " + s.text() + ", more than the " + MAX_FIGURE
                        + " any annual pay figure could be", "check for extra digits");
                return Optional.empty();
            }
            return Optional.of((long) v);
        }
        String shown = n instanceof Node.Scalar s ? n.kind() + " (\"" + s.text() + "\")" : n.kind();
        problems.error(n.pos(), "\"" + key + "\" must be a number, not " + shown, "write figures as plain numbers, like 142603");
        return Optional.empty();
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> s = new java.util.TreeSet<>(base);
        s.addAll(List.of(more));
        return java.util.Collections.unmodifiableSet(s);
    }
}
