package dev.guidegen.salary;

/** Where figures come from: a publication named by its title, publisher and date (either may be empty). */
public record Source(String key, String title, String publisher, String date) {

    /** "Title (Publisher, 2026-04-30)", leaving out what is unknown. */
    public String citation() {
        String extra = String.join(", ", java.util.stream.Stream.of(publisher, date).filter(s -> !s.isEmpty()).toList());
        return extra.isEmpty() ? title : title + " (" + extra + ")";
    }
}
