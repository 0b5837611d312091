package dev.guidegen.problem;

import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Gathers one mistake seen on many pages, such as a bad line in a template that every guide page
 * uses, and reports it once at its place, naming the first page and how many more.
 */
public final class OncePerPlace {

    private record Place(SourcePos pos, String what) implements Comparable<Place> {
        @Override
        public int compareTo(Place o) {
            int c = pos.compareTo(o.pos);
            return c != 0 ? c : what.compareTo(o.what);
        }
    }

    private final TreeMap<Place, SortedSet<String>> pages = new TreeMap<>();

    /** Records that the mistake {@code what} at {@code pos} showed on {@code page}; safe from any thread. */
    public synchronized void add(SourcePos pos, String what, String page) {
        pages.computeIfAbsent(new Place(pos, what), k -> new TreeSet<>()).add(page);
    }

    /** Whether no mistake was recorded. */
    public synchronized boolean isEmpty() {
        return pages.isEmpty();
    }

    /** One error per place; {@code message} turns the mistake and "/x/ and 2 more" into its text. */
    public synchronized void report(Problems problems, java.util.function.BiFunction<String, String, String> message,
            Function<String, String> hint) {
        pages.forEach((place, on) -> {
            String where = on.size() == 1 ? on.first() : on.first() + " and " + (on.size() - 1) + " more";
            problems.error(place.pos(), message.apply(place.what(), where), hint.apply(place.what()));
        });
    }
}
