package org.istanas.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The module graph's rules (docs/architecture.md), checked on the POMs and on the compiled classes of every module:
 * the API depends on nothing heavy, no search strategy depends on another, only the engine module uses ND4J, only the
 * composition root and nas-plugin-guice use Guice, and the table in docs/architecture.md is the graph the POMs
 * declare.
 */
final class ModuleRulesTest {
    /** What nas-api may use besides the JDK: the SPI must not drag an engine, a solver or a framework along. */
    private static final Set<String> API_LIBRARIES = Set.of("jackson-databind", "jackson-dataformat-yaml", "commons-csv",
            "slf4j-api");
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `(nas-[a-z0-9-]+)` \\|([^|]*)\\|", Pattern.MULTILINE);

    private static Path root;
    private static Map<String, Set<String>> compileDependencies;
    private static JavaClasses classes;

    @BeforeAll
    static void readTheBuild() throws Exception {
        root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("nas-api"))) {
            root = root.getParent();
        }
        compileDependencies = new TreeMap<>();
        for (String module : modules()) {
            compileDependencies.put(module, dependencies(root.resolve(module).resolve("pom.xml")));
        }
        // the modules' own compiled classes (not the whole class path: ND4J's jars alone take minutes to scan)
        List<Path> outputs = new ArrayList<>();
        for (String module : compileDependencies.keySet()) {
            outputs.add(root.resolve(module).resolve("target").resolve("classes"));
        }
        classes = new ClassFileImporter().importPaths(outputs);
        assertThat(classes.containPackage("org.istanas.ops.engine")).as("compiled classes of nas-ops").isTrue();
    }

    @Test
    void theApiDependsOnNoModuleAndOnlyOnLightLibraries() {
        assertThat(compileDependencies.get("nas-api")).isSubsetOf(API_LIBRARIES);
        noClasses().that().resideInAPackage("org.istanas.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.istanas.ops..", "org.istanas.solvers..",
                        "org.istanas.data..", "org.istanas.metrics..", "org.istanas.search..", "org.istanas.app..",
                        "org.nd4j..", "com.google.ortools..", "com.google.inject..", "org.deeplearning4j..")
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootAndThePluginSideGuiceModuleUseGuice() {
        noClasses().that().resideOutsideOfPackages("org.istanas.app..", "org.istanas.plugin.guice..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
                .check(classes);
        compileDependencies.forEach((module, dependencies) -> {
            if (!module.equals("nas-app") && !module.equals("nas-plugin-guice")) {
                assertThat(dependencies).as(module).doesNotContain("guice");
            }
        });
    }

    @Test
    void noSearchStrategyModuleDependsOnAnother() {
        compileDependencies.forEach((module, dependencies) -> {
            if (isStrategy(module)) {
                assertThat(dependencies.stream().filter(ModuleRulesTest::isStrategy)).as(module).isEmpty();
            }
        });
        noClasses().that().resideInAPackage("org.istanas.search.twostage..")
                .should().dependOnClassesThat().resideInAPackage("org.istanas.search.onestage..").check(classes);
        noClasses().that().resideInAPackage("org.istanas.search.onestage..")
                .should().dependOnClassesThat().resideInAPackage("org.istanas.search.twostage..").check(classes);
        noClasses().that().resideInAPackage("org.istanas.search.toolkit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.istanas.search.twostage..",
                        "org.istanas.search.onestage..").check(classes);
    }

    @Test
    void onlyTheEngineModuleUsesNd4j() {
        noClasses().that().resideOutsideOfPackage("org.istanas.ops..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..",
                        "org.bytedeco..")
                .check(classes);
        compileDependencies.forEach((module, dependencies) -> {
            if (!module.equals("nas-ops")) {
                assertThat(dependencies).as(module).noneMatch(d -> d.startsWith("nd4j") || d.startsWith("deeplearning4j"));
            }
        });
        // strategies and the toolkit program against nas-api's network contracts, never the engine module
        compileDependencies.forEach((module, dependencies) -> {
            if (module.startsWith("nas-search-")) {
                assertThat(dependencies).as(module).doesNotContain("nas-ops", "nas-solvers");
            }
        });
    }

    @Test
    void theArchitectureDocListsTheModuleGraphThePomsDeclare() throws IOException {
        String doc = Files.readString(root.resolve("docs").resolve("architecture.md"));
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher row = DOC_ROW.matcher(doc);
        while (row.find()) {
            Set<String> deps = new TreeSet<>();
            Matcher name = Pattern.compile("`(nas-[a-z0-9-]+)`").matcher(row.group(2));
            while (name.find()) {
                deps.add(name.group(1));
            }
            documented.put(row.group(1), deps);
        }
        Map<String, Set<String>> declared = new TreeMap<>();
        compileDependencies.forEach((module, dependencies) -> declared.put(module,
                dependencies.stream().filter(d -> d.startsWith("nas-")).collect(Collectors.toCollection(TreeSet::new))));
        assertThat(documented).as("the module table in docs/architecture.md").isEqualTo(declared);
    }

    private static boolean isStrategy(String module) {
        return module.startsWith("nas-search-") && !module.equals("nas-search-toolkit");
    }

    private static List<String> modules() throws Exception {
        List<String> modules = new ArrayList<>();
        NodeList nodes = parse(root.resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        return modules;
    }

    /** Artifact ids of the POM's own (not profile) dependencies in compile or runtime scope. */
    private static Set<String> dependencies(Path pom) throws Exception {
        Set<String> result = new TreeSet<>();
        Element project = parse(pom);
        for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("dependencies")) {
                NodeList dependencies = e.getElementsByTagName("dependency");
                for (int i = 0; i < dependencies.getLength(); i++) {
                    Element d = (Element) dependencies.item(i);
                    String scope = text(d, "scope");
                    if (scope.isEmpty() || scope.equals("compile") || scope.equals("runtime")) {
                        result.add(text(d, "artifactId"));
                    }
                }
            }
        }
        return result;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    private static Element parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }
}
