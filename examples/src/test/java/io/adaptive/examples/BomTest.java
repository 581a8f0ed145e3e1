/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The BOM users import must list every library this build publishes, at the build's version:
 * a module added without a BOM entry would leave users' versions unaligned.
 */
final class BomTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>(adaptive-[a-z-]+)</artifactId>");
  private static final Pattern VERSION = Pattern.compile("<version>([^<$]+)</version>");
  /** Modules that are not libraries: aggregators, the benchmarks, these examples, the BOM. */
  private static final Set<String> NOT_PUBLISHED = Set.of("adaptive-parent", "adaptive-backends",
      "adaptive-bench", "adaptive-examples", "adaptive-bom");

  @Test
  void bom_pinsEveryThirdPartyLibrary_atTheVersionTheBuildUses() throws IOException {
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    bom = bom.substring(0, bom.indexOf("</dependencyManagement>")); // not the build's plugins
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    Matcher pinned = Pattern.compile("<groupId>([^<]+)</groupId><artifactId>([^<]+)</artifactId>"
        + "<version>([^<$]+)</version>").matcher(bom);
    int count = 0;
    while (pinned.find()) {
      Matcher managed = Pattern.compile("<groupId>" + Pattern.quote(pinned.group(1))
          + "</groupId><artifactId>" + Pattern.quote(pinned.group(2))
          + "</artifactId><version>\\$\\{([^}]+)\\}</version>").matcher(parent);
      assertThat(managed.find()).as("the parent manages %s", pinned.group(2)).isTrue();
      Matcher property = Pattern.compile("<" + Pattern.quote(managed.group(1)) + ">([^<]+)<")
          .matcher(parent);
      assertThat(property.find()).as("property %s", managed.group(1)).isTrue();
      assertThat(pinned.group(3)).as(pinned.group(2)).isEqualTo(property.group(1));
      count++;
    }
    assertThat(count).as("third-party pins in the BOM").isGreaterThanOrEqualTo(10);
  }

  @Test
  void bom_listsEveryLibraryModule_atTheBuildsVersion() throws IOException {
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    Set<String> listed = new TreeSet<>();
    String managed = bom.substring(bom.indexOf("<dependencyManagement>"));
    Matcher m = ARTIFACT.matcher(managed.substring(0, managed.indexOf("<!--")));
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertThat(listed).isEqualTo(libraryModules());
    assertThat(firstVersion(bom)).as("the BOM's version").isEqualTo(
        firstVersion(Files.readString(ROOT.resolve("pom.xml"))));
  }

  private static Set<String> libraryModules() throws IOException {
    Set<String> modules = new TreeSet<>();
    try (Stream<Path> poms = Files.walk(ROOT, 3)) {
      for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/src/")
              && !p.toString().contains("/user-project/"))
          .toList()) {
        String text = Files.readString(pom);
        // The module's own artifactId is the first one after its <parent> element, if any.
        String own = text.contains("</parent>") ? text.substring(text.indexOf("</parent>")) : text;
        Matcher m = ARTIFACT.matcher(own);
        if (m.find() && !NOT_PUBLISHED.contains(m.group(1))) {
          modules.add(m.group(1));
        }
      }
    }
    return modules;
  }

  private static String firstVersion(String pom) {
    String own = pom.contains("</parent>") ? pom.substring(pom.indexOf("</parent>")) : pom;
    Matcher m = VERSION.matcher(own);
    return m.find() ? m.group(1) : "";
  }
}
