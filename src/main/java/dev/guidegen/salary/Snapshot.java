package dev.guidegen.salary;

import dev.guidegen.problem.SourcePos;
import java.time.LocalDate;
import java.util.SortedMap;

/** The salary snapshot from {@code content/data/salaries.json}; maps are sorted by key. */
public record Snapshot(LocalDate date, SourcePos datePos, String currency, String period, String source,
        SortedMap<String, Source> sources, SortedMap<String, Category> categories, SortedMap<String, RoleSalary> roles) {

    public static Snapshot empty() {
        return new Snapshot(null, SourcePos.start(SnapshotReader.PATH), "USD", "year", "",
                new java.util.TreeMap<>(), new java.util.TreeMap<>(), new java.util.TreeMap<>());
    }
}
