package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Assets are published under names that carry a hash of their content, so a CDN may keep them for a year. */
class AssetsTest {

    private static final String CSS = "templates/assets/site.css";

    private static List<String> assets(InlineSite.Built built) {
        return built.paths().stream().filter(p -> p.startsWith("assets/")).toList();
    }

    private static String css(InlineSite site) {
        return new String(site.tree().bytes(CSS), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String stylesheet(InlineSite.Built built, String page) {
        return built.html(page).select("link[rel=stylesheet]").attr("href");
    }

    @Test
    void everyAssetIsPublishedUnderAHashedNameOnlyAndPagesLinkThatName() {
        InlineSite.Built built = InlineSite.minimal().build();

        assertThat(built.problems()).isEmpty();
        assertThat(assets(built)).hasSize(3).allMatch(p -> p.matches("assets/(favicon|search|site)\\.[0-9a-f]{8}\\.(svg|js|css)"));
        String css = stylesheet(built, "index.html");
        assertThat(css).matches("/assets/site\\.[0-9a-f]{8}\\.css");
        assertThat(built.paths()).contains(css.substring(1)).doesNotContain("assets/site.css");
        for (String page : List.of("index.html", "roles/backend-engineer/index.html", "404.html", "skills/index.html")) {
            assertThat(stylesheet(built, page)).as(page).isEqualTo(css);
        }
        assertThat(built.html("index.html").select("script[src]").eachAttr("src"))
                .singleElement().asString().matches("/assets/search\\.[0-9a-f]{8}\\.js");
    }

    @Test
    void changingTheStylesheetChangesItsNameOnEveryPageAndNothingElse() {
        InlineSite site = InlineSite.minimal();
        InlineSite.Built before = site.build();
        InlineSite.Built after = site.edit(CSS, "body{", "body{letter-spacing:0;").build();

        String oldName = stylesheet(before, "index.html");
        String newName = stylesheet(after, "index.html");
        assertThat(newName).isNotEqualTo(oldName);
        assertThat(after.paths()).contains(newName.substring(1)).doesNotContain(oldName.substring(1));
        for (String page : after.paths().stream().filter(p -> p.endsWith(".html")).toList()) {
            assertThat(after.file(page)).as(page).doesNotContain(oldName).contains(newName);
            assertThat(after.file(page).replace(newName, oldName)).as(page).isEqualTo(before.file(page));
        }
        assertThat(assets(after).stream().filter(p -> !p.startsWith("assets/site."))).isEqualTo(
                assets(before).stream().filter(p -> !p.startsWith("assets/site.")).toList());
    }

    @Test
    void aStylesheetUrlNamingAnotherAssetIsRewrittenAndThatAssetsChangeRenamesTheStylesheet() {
        InlineSite site = InlineSite.minimal()
                .with("templates/assets/img/dot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                .with(CSS, ".mark { background: url(\"img/dot.svg\") }\n.top { background: url('/assets/img/dot.svg?x#y') }\n"
                        + ".far { background: url(https://cdn.example.org/a.png) }\n" + css(InlineSite.minimal()));
        InlineSite.Built built = site.build();

        assertThat(built.problems()).isEmpty();
        String dot = built.paths().stream().filter(p -> p.startsWith("assets/img/dot.")).findFirst().orElseThrow();
        assertThat(dot).matches("assets/img/dot\\.[0-9a-f]{8}\\.svg");
        String css = built.file(stylesheet(built, "index.html").substring(1));
        assertThat(css).contains(".mark { background: url(\"/" + dot + "\") }", ".top { background: url('/" + dot + "?x#y') }",
                ".far { background: url(https://cdn.example.org/a.png) }");

        InlineSite.Built changed = site.with("templates/assets/img/dot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>").build();
        assertThat(stylesheet(changed, "index.html")).isNotEqualTo(stylesheet(built, "index.html"));
    }

    @Test
    void anAssetATemplateNamesThatDoesNotExistIsATemplateErrorAtItsLine() {
        InlineSite.Built built = InlineSite.minimal()
                .edit("templates/layout.ftlh", "asset(\"site.css\")", "asset(\"site.ccs\")").build();

        assertThat(built.result().failed()).isTrue();
        assertThat(built.problems()).containsExactly("templates/layout.ftlh:20:30: error: template error: "
                + "no file \"site.ccs\" in templates/assets/ (did you mean \"site.css\"?) (while rendering / and 11 more)");
    }

    @Test
    void aStylesheetUrlThatNamesNoAssetIsAnErrorAtItsPlace() {
        InlineSite.Built built = InlineSite.minimal()
                .with(CSS, ".mark { background: url(img/dot.png) }\n" + css(InlineSite.minimal())).build();

        assertThat(built.result().failed()).isTrue();
        assertThat(built.problems()).containsExactly(
                "templates/assets/site.css:1:25: error: url(img/dot.png) names no file in templates/assets/");
    }
}
