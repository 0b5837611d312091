package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SafetyTest {

    @Test
    void textFromContentReachesHtmlEscaped() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ENGINEER, "title: Backend Engineer", "title: \"Backend <script>alert(1)</script> Engineer\"")
                .build();

        String html = built.file("roles/backend-engineer/index.html");
        assertThat(built.problems()).isEmpty();
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        assertThat(html).contains("Backend &lt;script&gt;alert(1)&lt;/script&gt; Engineer");
    }

    @Test
    void rawHtmlInMarkdownLosesItsEventHandlersAndScriptsWithAWarningAtEach() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ENGINEER, "Builds APIs.", "Builds APIs. <img src=https://example.org/x.png alt=x onerror=alert(1)>"
                        + " <a href=\"JavaScript:alert(2)\">go</a>\n\n<script>alert(3)</script>\n")
                .build();

        var body = built.html("roles/backend-engineer/index.html").selectFirst("main");
        assertThat(body.select("img[src=https://example.org/x.png]")).hasSize(1);
        assertThat(body.select("[onerror], a[href^=javascript], a[href^=JavaScript]")).isEmpty();
        assertThat(body.select("script")).isEmpty();
        assertThat(body.html()).doesNotContain("alert(");
        assertThat(built.problems()).containsExactly(
                BadInput.ENGINEER + ":16:14: warning: <img> loses onerror: event handlers run scripts",
                BadInput.ENGINEER + ":16:73: warning: <a> loses href: the scheme \"javascript:\" is not allowed",
                BadInput.ENGINEER + ":18:1: warning: <script> is left out: guide pages run no scripts from content");
    }

    @Test
    void aClosingScriptTagInContentCannotBreakOutOfJsonLd() throws Exception {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ENGINEER, "summary: Builds the server side.", "summary: \"Builds </script><b>x</b> things.\"")
                .build();

        var doc = built.html("roles/backend-engineer/index.html");
        var scripts = doc.select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(1);
        assertThat(scripts.first().data()).doesNotContain("</script>").contains("\\u003C/script\\u003E");
        var graph = new ObjectMapper().readTree(scripts.first().data()).get("@graph");
        assertThat(graph.get(0).get("description").asText()).isEqualTo("Builds </script><b>x</b> things.");
    }

    @Test
    void skillNamesCannotWriteOutsideTheOutputDirectory() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ENGINEER, "skills: [API design, SQL]", "skills: [\"../../../etc/passwd\", SQL]")
                .build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.paths()).contains("skills/etc-passwd/index.html").allMatch(p -> !p.contains(".."));
    }

    @Test
    void fileNamesThatAreNotSlugsAreRefused() {
        InlineSite.Built built = InlineSite.minimal()
                .with("content/guides/../../escape.md", "---\ntitle: x\n---\n")
                .with("content/guides/Space Name.md", "---\ntitle: x\n---\n")
                .build();

        assertThat(built.errors()).containsExactly(
                "content/guides/../../escape.md:1:1: error: file name \"../../escape.md\" does not make a valid slug",
                "content/guides/Space Name.md:1:1: error: file name \"Space Name.md\" does not make a valid slug");
    }

    @Test
    void theWriterRefusesPathsThatLeaveTheOutputDirectory() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.guidegen.output.SiteWriter.write(
                        java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "guidegen-safety-test"),
                        java.util.List.of(new dev.guidegen.render.OutputFile("../outside.html", new byte[0], ""))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves the output directory");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "draft: {0} leaves the guide out")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"yes", "Yes", "YES", "on", "On", "true", "TRUE", "yEs"})
    void everyYamlWordForYesKeepsADraftUnpublished(String yes) {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ARCHITECT, "level: principal", "level: principal\ndraft: " + yes)
                .edit(BadInput.ENGINEER, "related: [backend-architect]", "related: []")
                .edit(BadInput.ENGINEER, "career_path: [backend-engineer, Staff Engineer, backend-architect]", "career_path: []")
                .edit(BadInput.ENGINEER, "(backend-architect.md#pay)", "(#pay)")
                .edit(BadInput.ENGINEER, "(backend-architect.md)", "(#pay)")
                .with(BadInput.ARCHITECT.replace("backend-architect", "unused"), "")
                .without(BadInput.ARCHITECT.replace("backend-architect", "unused"))
                .build();

        assertThat(built.errors()).isEmpty();
        assertThat(built.paths()).doesNotContain("roles/backend-architect/index.html").contains("roles/backend-engineer/index.html");
    }

    @Test
    void noAndOffKeepAGuidePublished() {
        for (String no : new String[] {"no", "No", "off", "OFF", "false"}) {
            InlineSite.Built built = InlineSite.minimal()
                    .edit(BadInput.ARCHITECT, "level: principal", "level: principal\ndraft: " + no).build();
            assertThat(built.errors()).as(no).isEmpty();
            assertThat(built.paths()).as(no).contains("roles/backend-architect/index.html");
        }
    }

    @Test
    void aTitleYamlReadsAsABooleanGetsAHintToQuoteIt() {
        InlineSite.Built built = InlineSite.minimal().edit(BadInput.ENGINEER, "title: Backend Engineer", "title: No").build();

        assertThat(built.result().problems()).singleElement().satisfies(p -> assertThat(p.hint())
                .isEqualTo("YAML reads No as a boolean; to mean the word, quote it: title: \"No\""));
    }

    @Test
    void headingsInFaqAnswersNeverTakeAnIdThePageUses() {
        String answer = "a: \"## Main\\n\\nSkip.\\n\\n## Salary\\n\\nPay.\\n\\n## What the role is\\n\\nText.\"";
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ENGINEER, "a: Often. See [the architect](backend-architect.md#pay).", answer)
                .edit(BadInput.ARCHITECT, "salary: architect", "salary: architect\nfaq:\n  - q: Why?\n    " + answer)
                .build();

        assertThat(built.errors()).isEmpty();
        for (String page : new String[] {"roles/backend-engineer/index.html", "roles/backend-engineer/faq/index.html", "faq/index.html"}) {
            var ids = built.html(page).select("[id]").eachAttr("id");
            assertThat(ids).as(page).doesNotHaveDuplicates();
        }
        var guide = built.html("roles/backend-engineer/index.html");
        assertThat(guide.select("main#main")).hasSize(1);
        assertThat(guide.select("h2#backend-engineer\\.faq-1\\.main, h3#backend-engineer\\.faq-1\\.main")).hasSize(1);
    }

    @Test
    void fiveHundredLevelsOfNestedListsStillBuild() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            list.append("  ".repeat(i)).append("- level ").append(i + 1).append('\n');
        }
        InlineSite.Built built = InlineSite.minimal().edit(BadInput.ENGINEER, "Builds APIs.", "Builds APIs.\n\n" + list).build();

        assertThat(built.errors()).isEmpty();
        assertThat(built.file("roles/backend-engineer/index.html")).contains("level 500");
    }

    @Test
    void aThousandLevelsOfQuotesAreAnErrorNotACrash() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ENGINEER, "pay).\n", "pay).\n  - q: Deep?\n    a: \"" + "> ".repeat(5000) + "x\"\n").build();

        assertThat(built.errors()).singleElement().asString().startsWith(BadInput.ENGINEER + ":14:9: error: Markdown nested more than 1000 levels deep");
    }

    @Test
    void aTemplateLinkWithAScriptSchemeFailsTheOutputCheck() {
        InlineSite.Built built = InlineSite.minimal()
                .edit("templates/home.ftlh", "<h1>", "<a href=\" JaVaScRiPt:alert(1)\">x</a>\n<h1>").build();

        assertThat(built.errors()).singleElement().asString().contains(
                "error: broken link \" JaVaScRiPt:alert(1)\": the scheme \"javascript:\" is not allowed (only http:, https:, mailto: and tel:)");
    }

    @Test
    void schemesAreReadAsABrowserReadsThem() {
        assertThat(dev.guidegen.site.Urls.scheme(" \u0001java\tscr\nipt:alert(1)")).isEqualTo("javascript");
        assertThat(dev.guidegen.site.Urls.scheme("HTTPS://example.org/")).isEqualTo("https");
        assertThat(dev.guidegen.site.Urls.scheme("../pages/about.md")).isNull();
        assertThat(dev.guidegen.site.Urls.hasUnsafeScheme("MAILTO:a@example.org")).isFalse();
        assertThat(dev.guidegen.site.Urls.hasUnsafeScheme("vbscript:x")).isTrue();
    }

    @Test
    void aControlCharacterMadeByAYamlEscapeIsAnErrorAtTheValue() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ENGINEER, "title: Backend Engineer", "title: \"Backend \\x01 Engineer\"").build();

        assertThat(built.errors()).containsExactly(BadInput.ENGINEER + ":2:8: error: \"title\" holds the control character U+0001");
    }
}
