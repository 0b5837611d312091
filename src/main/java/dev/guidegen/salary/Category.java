package dev.guidegen.salary;

/** A category benchmark, the fallback for roles without enough data of their own. */
public record Category(String key, String label, Figures figures, String note) {
}
