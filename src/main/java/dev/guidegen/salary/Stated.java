package dev.guidegen.salary;

/** A further figure a source states for a role, such as an entry-level or staff band. */
public record Stated(String label, Figures figures, String note) {
}
