package dev.guidegen.salary;

import dev.guidegen.problem.SourcePos;
import java.util.List;

/** A role's entry in the snapshot: its category, its own headline figures (maybe none) and further stated figures. */
public record RoleSalary(String key, String category, Figures figures, List<Stated> stated, SourcePos pos) {
    public RoleSalary {
        stated = List.copyOf(stated);
    }
}
