package dev.guidegen;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Every kind of bad input a build must refuse, each as an edit of {@link InlineSite#MINIMAL} and
 * the exact errors it must give. Shared by the in-memory tests and the command-line tests.
 */
record BadInput(String name, UnaryOperator<InlineSite> edit, List<String> errors) {

    static final String ENGINEER = "content/guides/backend-engineer.md";
    static final String ARCHITECT = "content/guides/backend-architect.md";
    static final String SNAPSHOT = "content/data/salaries.json";

    @Override
    public String toString() {
        return name;
    }

    static Stream<BadInput> all() {
        return Stream.of(
                new BadInput("malformed YAML", s -> s.edit(ENGINEER, "level: mid", "level: mid: x"), List.of(
                        ENGINEER + ":5:11: error: invalid YAML: mapping values are not allowed here")),
                new BadInput("unclosed YAML list", s -> s.edit(ENGINEER, "level: mid", "level: [mid"), List.of(
                        ENGINEER + ":6:11: error: invalid YAML: expected ',' or ']', but got :")),
                new BadInput("a YAML alias", s -> s.edit(ENGINEER, "level: mid", "level: &lvl mid\nexperience2: *lvl"), List.of(
                        ENGINEER + ":6:14: error: YAML aliases (*lvl) are not supported")),
                new BadInput("no front matter", s -> s.with(ENGINEER, "# Backend Engineer\n\nText.\n"), List.of(
                        ENGINEER + ":1:1: error: missing front matter: the first line must be \"---\"")),
                new BadInput("unclosed front matter", s -> s.edit(ENGINEER, "#pay).\n---\n", "#pay).\n"), List.of(
                        ENGINEER + ":1:1: error: front matter is not closed: no \"---\" line after the first")),
                new BadInput("missing required field", s -> s.edit(ENGINEER, "summary: Builds the server side.\n", ""), List.of(
                        ENGINEER + ":1:1: error: missing required field \"summary\"")),
                new BadInput("a string where a list is due", s -> s.edit(ENGINEER, "related: [backend-architect]", "related: foo"), List.of(
                        ENGINEER + ":8:10: error: \"related\" must be a list of guide slugs, not a string (\"foo\")")),
                new BadInput("an empty alias", s -> s.edit(ENGINEER, "level: mid", "level: mid\naliases: [\"\", \" \"]"), List.of(
                        ENGINEER + ":6:11: error: each item of \"aliases\" must be one of the old slugs, not an empty string",
                        ENGINEER + ":6:15: error: each item of \"aliases\" must be one of the old slugs, not an empty string")),
                new BadInput("true where a skill name is due", s -> s.edit(ENGINEER, "skills: [API design, SQL]", "skills: [API design, true]"), List.of(
                        ENGINEER + ":7:22: error: each item of \"skills\" must be one of the skill names, not a boolean")),
                new BadInput("a date that is not one", s -> s.edit(ENGINEER, "updated: 2026-10-01", "updated: 2026-13-45"), List.of(
                        ENGINEER + ":4:10: error: 2026-13-45 is not a date: there is no month 13")),
                new BadInput("the 29th of February in a common year", s -> s.edit(ENGINEER, "updated: 2026-10-01", "updated: 2021-02-29"), List.of(
                        ENGINEER + ":4:10: error: 2021-02-29 is not a date: 2021 is not a leap year")),
                new BadInput("the 31st of a month with 30 days", s -> s.edit(ENGINEER, "updated: 2026-10-01", "updated: 2026-04-31"), List.of(
                        ENGINEER + ":4:10: error: 2026-04-31 is not a date: April has 30 days")),
                new BadInput("a date with a five-digit year", s -> s.edit(ENGINEER, "updated: 2026-10-01", "updated: \"+10000-01-01\""), List.of(
                        ENGINEER + ":4:10: error: \"updated\" must be a date written YYYY-MM-DD, not \"+10000-01-01\"")),
                new BadInput("a date in year zero", s -> s.edit(ENGINEER, "updated: 2026-10-01", "updated: 0000-01-01"), List.of(
                        ENGINEER + ":4:10: error: \"updated\" must be a date between 1900 and 2100, not \"0000-01-01\"")),
                new BadInput("a javascript: link in mixed case", s -> s.edit(ENGINEER, "(backend-architect.md)", "(JavaScript:alert(1))"), List.of(
                        ENGINEER + ":16:43: error: link \"JavaScript:alert(1)\" uses the scheme \"javascript:\", which is not allowed")),
                new BadInput("a javascript: autolink in capitals", s -> s.edit(ENGINEER, "Builds APIs.", "Builds APIs. <JAVASCRIPT:alert(2)>"), List.of(
                        ENGINEER + ":16:15: error: link \"JAVASCRIPT:alert(2)\" uses the scheme \"javascript:\", which is not allowed")),
                new BadInput("a data: link in a FAQ answer", s -> s.edit(ENGINEER, "(backend-architect.md#pay)", "(data:text/html,x)"), List.of(
                        ENGINEER + ":12:35: error: link \"data:text/html,x\" uses the scheme \"data:\", which is not allowed")),
                new BadInput("a scheme hidden by a character reference", s -> s.edit(ENGINEER, "See the [methodology](../pages/methodology.md).",
                        "See the [methodology][m].\n\n[m]: jav&#x61;script:alert(1)"), List.of(
                        ENGINEER + ":22:6: error: link \"javascript:alert(1)\" uses the scheme \"javascript:\", which is not allowed")),
                new BadInput("a draft flag that is not yes or no", s -> s.edit(ENGINEER, "level: mid", "level: mid\ndraft: maybe"), List.of(
                        ENGINEER + ":6:8: error: \"draft\" must be true or false, not a string (\"maybe\")")),
                new BadInput("a misspelt draft flag", s -> s.edit(ENGINEER, "level: mid", "level: mid\nDraft: true"), List.of(
                        ENGINEER + ":6:1: error: unknown key \"Draft\" in guide front matter (did you mean \"draft\"?)")),
                new BadInput("a form in a template posting to a script", s -> s.edit("templates/home.ftlh", "<h1>", "<form action=\"javascript:alert(1)\"></form>\n<h1>"), List.of(
                        "templates/home.ftlh:" + lineOf("templates/home.ftlh", "<h1>") + ":15: error: unsafe URL \"javascript:alert(1)\" in action: the scheme \"javascript:\" is not allowed (on /)")),
                new BadInput("a function that calls itself", s -> s.with("templates/page.ftlh", "<#function f n>\n  <#return f(n + 1)>\n</#function>\n${f(1)}\n"), List.of(
                        "templates/page.ftlh:1:1: error: template error: \"#function f(n)\" calls itself without end (more than 2000 levels) (while rendering /methodology/)")),
                new BadInput("a template parsing text that is not JSON", s -> s.with("templates/page.ftlh", "${\"a\"?eval_json}\n"), List.of(
                        "templates/page.ftlh:1:3: error: template error: \"\"a\"?eval_json\" failed: Failed to \"?eval_json\" string with this error: "
                                + "Invalid JSON keyword: \"a\". Should be one of: true, false, null. If it meant to be a string then it must be quoted."
                                + " (while rendering /methodology/)")),
                new BadInput("a control character pasted into a body", s -> s.edit(ENGINEER, "Builds APIs.", "Builds\u001F APIs."), List.of(
                        ENGINEER + ":16:7: error: control character U+001F in the text")),
                new BadInput("a title YAML reads as a boolean", s -> s.edit(ENGINEER, "title: Backend Engineer", "title: No"), List.of(
                        ENGINEER + ":2:8: error: \"title\" must be a string, not a boolean")),
                new BadInput("Markdown nested too deeply", s -> s.edit(ENGINEER, "## What the role is", "> ".repeat(1001) + "x"), List.of(
                        ENGINEER + ":14:1: error: Markdown nested more than 1000 levels deep (lists, quotes or emphasis inside each other)")),
                new BadInput("a skill name too long for a page name", s -> s.edit(ENGINEER, "skills: [API design, SQL]", "skills: [API design, " + "SQL ".repeat(40) + "]"), List.of(
                        ENGINEER + ":7:22: error: skill name is too long for a page name: its URL segment would be 159 characters, and at most 100 are allowed")),
                new BadInput("a template that includes itself", s -> s.with("templates/page.ftlh", "<#include \"page.ftlh\">\n"), List.of(
                        "templates/page.ftlh:1:1: error: template error: \"#include \"page.ftlh\"\" calls itself without end (more than 2000 levels) (while rendering /methodology/)")),
                new BadInput("a macro that calls itself", s -> s.with("templates/page.ftlh", "<#macro m>\n  <@m/>\n</#macro>\n<@m/>\n"), List.of(
                        "templates/page.ftlh:2:3: error: template error: \"@m\" calls itself without end (more than 2000 levels) (while rendering /methodology/)")),
                new BadInput("an include of a missing template", s -> s.with("templates/page.ftlh", "<#include \"nope.ftlh\">\n"), List.of(
                        "templates/page.ftlh:1:1: error: template error: #include names a template that does not exist: \"nope.ftlh\" (while rendering /methodology/)")),
                new BadInput("NaN in the snapshot", s -> s.edit(SNAPSHOT, "\"p10\": 150000", "\"p10\": NaN"), List.of(
                        SNAPSHOT + ":16:14: error: invalid JSON: NaN is not a number JSON allows; write a number, or leave the field out")),
                new BadInput("a snapshot nested too deeply", s -> s.with(SNAPSHOT, "[".repeat(1001) + "]".repeat(1001)), List.of(
                        SNAPSHOT + ":1:1: error: invalid JSON: values are nested more than 1000 levels deep")),
                new BadInput("duplicate slugs differing in case", s -> s.with("content/guides/Backend-Engineer.md",
                        new String(s.tree().bytes(ENGINEER), StandardCharsets.UTF_8)), List.of(
                        ENGINEER + ":1:1: error: duplicate slug \"backend-engineer\": content/guides/Backend-Engineer.md has it too")),
                new BadInput("a duplicate slug for a guide that others link to by heading", s -> s.with("content/guides/Backend-Architect.md",
                        new String(s.tree().bytes(ARCHITECT), StandardCharsets.UTF_8)), List.of(
                        ARCHITECT + ":1:1: error: duplicate slug \"backend-architect\": content/guides/Backend-Architect.md has it too")),
                new BadInput("unknown guide in related", s -> s.edit(ENGINEER, "related: [backend-architect]", "related: [backend-architec]"), List.of(
                        ENGINEER + ":8:11: error: unknown guide \"backend-architec\" in related (did you mean \"backend-architect\"?)")),
                new BadInput("unknown guide in career_path", s -> s.edit(ENGINEER, "Staff Engineer, backend-architect]", "Staff Engineer, backend-archtect]"), List.of(
                        ENGINEER + ":9:49: error: unknown guide \"backend-archtect\" in career_path (did you mean \"backend-architect\"?)")),
                new BadInput("broken body link", s -> s.edit(ENGINEER, "(backend-architect.md)", "(backend-architekt.md)"), List.of(
                        ENGINEER + ":16:43: error: broken link \"backend-architekt.md\": no guide \"backend-architekt\" (did you mean \"backend-architect\"?)")),
                new BadInput("broken body anchor", s -> s.edit(ENGINEER, "(../pages/methodology.md)", "(../pages/methodology.md#source)"), List.of(
                        ENGINEER + ":20:23: error: broken link \"../pages/methodology.md#source\": no heading \"#source\" in content/pages/methodology.md (did you mean \"#sources\"?)")),
                new BadInput("broken anchor in a FAQ answer", s -> s.edit(ENGINEER, "backend-architect.md#pay", "backend-architect.md#pya"), List.of(
                        ENGINEER + ":12:35: error: broken link \"backend-architect.md#pya\": no heading \"#pya\" in content/guides/backend-architect.md (did you mean \"#pay\"?)")),
                new BadInput("a broken site URL in Markdown", s -> s.edit(ENGINEER, "(../pages/methodology.md)", "(/methodolgy/)"), List.of(
                        ENGINEER + ":20:23: error: broken link \"/methodolgy/\": no page at /methodolgy/ (did you mean \"/methodology/\"?)")),
                new BadInput("a site URL with a missing anchor", s -> s.edit(ENGINEER, "(../pages/methodology.md)", "(/methodology/#sorces)"), List.of(
                        ENGINEER + ":20:23: error: broken link \"/methodology/#sorces\": no heading \"#sorces\" in content/pages/methodology.md (did you mean \"#sources\"?)")),
                new BadInput("front matter holding only a comment", s -> s.with(ARCHITECT, "---\n# to do\n---\nText.\n"), List.of(
                        ARCHITECT + ":1:1: error: missing required field \"summary\"",
                        ARCHITECT + ":1:1: error: missing required field \"title\"",
                        ARCHITECT + ":1:1: error: missing required field \"updated\"",
                        ENGINEER + ":12:35: error: broken link \"backend-architect.md#pay\": no heading \"#pay\" in "
                                + "content/guides/backend-architect.md")),
                new BadInput("a base URL with a path", s -> s.edit("content/site.yaml", "https://guides.example.org/", "https://example.org/guides/"), List.of(
                        "content/site.yaml:2:11: error: \"base_url\" must be the address of a site's root, like https://careers.example.org/, not \"https://example.org/guides/\"")),
                new BadInput("a language that is not a tag", s -> s.edit("content/site.yaml", "language: en", "language: English (UK)"), List.of(
                        "content/site.yaml:3:11: error: \"language\" must be a language tag such as en or en-GB, not \"English (UK)\"")),
                new BadInput("a figure with extra digits", s -> s.edit(SNAPSHOT, "\"p90\": 330000", "\"p90\": 3300000000"), List.of(
                        SNAPSHOT + ":16:77: error: \"p90\" is 3300000000, more than the 100000000 any annual pay figure could be")),
                new BadInput("a body heading that takes a template id", s -> s.edit(ENGINEER, "## Pay", "## FAQ 1"), List.of(
                        ENGINEER + ":18:1: error: heading \"FAQ 1\" takes the id \"faq-1\", which the guide page uses for its own section")),
                new BadInput("invalid JSON in the snapshot", s -> s.edit(SNAPSHOT, "\"currency\": \"USD\",", "\"currency\": \"USD\""), List.of(
                        SNAPSHOT + ":4:3: error: invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries")),
                new BadInput("percentiles out of order", s -> s.edit(SNAPSHOT, "\"p75\": 290000", "\"p75\": 230000"), List.of(
                        SNAPSHOT + ":16:62: error: \"p75\" (230000) is below \"median\" (240000): percentiles must rise from p10 to p90")),
                new BadInput("a negative figure", s -> s.edit(SNAPSHOT, "\"p10\": 150000", "\"p10\": -5"), List.of(
                        SNAPSHOT + ":16:14: error: \"p10\" must not be negative, not -5")),
                new BadInput("a figure with a fraction", s -> s.edit(SNAPSHOT, "\"p10\": 150000", "\"p10\": 150000.5"), List.of(
                        SNAPSHOT + ":16:14: error: \"p10\" must be a whole number, not 150000.5")),
                new BadInput("a figure that is not a number", s -> s.edit(SNAPSHOT, "\"p10\": 150000", "\"p10\": \"lots\""), List.of(
                        SNAPSHOT + ":16:14: error: \"p10\" must be a number, not a string (\"lots\")")),
                new BadInput("an unknown category", s -> s.edit(SNAPSHOT, "\"architect\": {\"category\": \"software-engineering\"",
                        "\"architect\": {\"category\": \"software-enginering\""), List.of(
                        SNAPSHOT + ":15:31: error: unknown category \"software-enginering\" (did you mean \"software-engineering\"?)")),
                new BadInput("a missing snapshot date", s -> s.edit(SNAPSHOT, "\"snapshot_date\": \"2026-11-01\",\n  ", ""), List.of(
                        SNAPSHOT + ":1:1: error: missing required field \"snapshot_date\"")),
                new BadInput("a salary key not in the snapshot", s -> s.edit(ARCHITECT, "salary: architect", "salary: architekt"), List.of(
                        ARCHITECT + ":9:9: error: salary role \"architekt\" is not in the snapshot (did you mean \"architect\"?)")),
                new BadInput("a lower bound with a high end", s -> s.edit(SNAPSHOT, "\"architect\": {", "\"architect\": {\"stated\": "
                        + "[{\"label\": \"Entry\", \"basis\": \"floor\", \"low\": 50000, \"high\": 60000}], "), List.of(
                        SNAPSHOT + ":15:58: error: basis \"floor\" takes only low, the amount pay starts at or exceeds")),
                new BadInput("a premium with money figures", s -> s.edit(SNAPSHOT, "\"architect\": {", "\"architect\": {\"stated\": "
                        + "[{\"label\": \"Lead\", \"basis\": \"premium\", \"low\": 15, \"over\": \"senior\"}], "), List.of(
                        SNAPSHOT + ":15:57: error: basis \"premium\" takes pct_low and pct_high, in percent, and over")),
                new BadInput("a premium as a role's own figures", s -> s.edit(SNAPSHOT, "\"architect\": {\"category\": \"software-engineering\", \"basis\": \"percentiles\",",
                        "\"architect\": {\"category\": \"software-engineering\", \"basis\": \"premium\", \"pct_low\": 5, \"pct_high\": 9, \"over\": \"x\","), List.of(
                        SNAPSHOT + ":15:64: error: basis \"premium\" is only for figures under \"stated\"",
                        SNAPSHOT + ":15:64: error: basis \"premium\" takes only pct_low, pct_high and over")),
                new BadInput("a missing template", s -> s.without("templates/skill.ftlh"), List.of(
                        "templates/skill.ftlh:1:1: error: missing template \"skill.ftlh\" (needed for /skills/api-design/)")),
                new BadInput("a template syntax error", s -> s.edit("templates/guide.ftlh", "<#list role.toc as item>", "<#list role.toc as item"), List.of(
                        // FreeMarker stops at the next tag, on the line after the unclosed one.
                        "templates/guide.ftlh:" + (lineOf("templates/guide.ftlh", "<#list role.toc as item>") + 1) + ":1: error: template syntax error: Encountered \"<\", but was expecting one of these patterns: \",\", \">\"")),
                new BadInput("a template naming a missing value", s -> s.edit("templates/guide.ftlh", "<h1>${role.title}</h1>", "<h1>${role.titel}</h1>"), List.of(
                        "templates/guide.ftlh:" + lineOf("templates/guide.ftlh", "<h1>${role.title}</h1>") + ":7: error: template error: \"role.titel\" is missing (while rendering /roles/backend-architect/ and 1 more)")),
                new BadInput("a broken link in a template", s -> s.edit("templates/home.ftlh", "<h1>", "<a href=\"/salries/\">Pay</a>\n<h1>"), List.of(
                        "templates/home.ftlh:" + lineOf("templates/home.ftlh", "<h1>") + ":10: error: broken link \"/salries/\": no such page or file (did you mean \"/salaries/\"?) (on /)")),
                new BadInput("a broken anchor in a template used by many pages", s -> s.edit("templates/guide.ftlh", "href=\"#salary\"", "href=\"#salry\""), List.of(
                        "templates/guide.ftlh:" + lineOf("templates/guide.ftlh", "href=\"#salary\"") + ":27: error: broken link \"#salry\": "
                                + "no element with id \"salry\" on that page (on /roles/backend-architect/ and 1 more)")),
                new BadInput("an empty file", s -> s.with(ARCHITECT, ""), List.of(
                        ARCHITECT + ":1:1: error: empty file")),
                new BadInput("bytes that are not UTF-8", s -> s.with(ARCHITECT, concat("---\ntitle: Caf".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xE9}, "\n---\n".getBytes(StandardCharsets.UTF_8))), List.of(
                        ARCHITECT + ":2:11: error: invalid UTF-8 byte 0xE9")));
    }

    /** The line of the project's template that holds {@code text}, so template edits do not move the expectations. */
    static int lineOf(String template, String text) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(template));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException(template + " has no line with " + text);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
