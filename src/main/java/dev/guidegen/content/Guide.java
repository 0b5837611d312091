package dev.guidegen.content;

import dev.guidegen.source.Ref;
import dev.guidegen.problem.SourcePos;
import java.time.LocalDate;
import java.util.List;

/**
 * A role guide from {@code content/guides/<slug>.md}. Optional text fields are empty strings when
 * absent; {@code salaryKey} is the slug unless front matter names another ({@code salaryGiven}).
 * {@code group} is the occupation group the guide names, or null.
 * {@code salaryOff} says the editor wrote {@code salary: false}: the role has no pay figures on purpose.
 * {@code aliases} are the guide's old slugs, whose URLs redirect to it.
 */
public record Guide(
        String slug,
        String path,
        String title,
        String summary,
        LocalDate updated,
        String level,
        String experience,
        Ref group,
        List<Ref> skills,
        List<Ref> related,
        List<Ref> careerPath,
        List<Ref> compare,
        Ref salaryKey,
        boolean salaryGiven,
        boolean salaryOff,
        List<FaqEntry> faq,
        boolean draft,
        Markdown body,
        List<Ref> aliases) {

    public Guide {
        skills = List.copyOf(skills);
        related = List.copyOf(related);
        careerPath = List.copyOf(careerPath);
        compare = List.copyOf(compare);
        faq = List.copyOf(faq);
        aliases = List.copyOf(aliases);
    }

    public SourcePos start() {
        return SourcePos.start(path);
    }
}
