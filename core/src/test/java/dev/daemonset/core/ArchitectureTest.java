package dev.daemonset.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of STYLE.md, enforced. */
class ArchitectureTest {

  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.daemonset");

  @Test
  void apiNamesNoJacksonHibernateOrCore() {
    noClasses().that().resideInAPackage("dev.daemonset.api..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "com.fasterxml..", "org.hibernate..", "org.yaml..", "picocli..", "dev.daemonset.core..")
        .check(CLASSES);
  }

  @Test
  void onlyTheCliPrints() {
    noClasses().that().resideOutsideOfPackage("dev.daemonset.core.cli..")
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .orShould().callMethod(Throwable.class, "printStackTrace")
        .check(CLASSES);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.daemonset.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void onlyTheCliDependsOnPicocli() {
    noClasses().that().resideOutsideOfPackage("dev.daemonset.core.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(CLASSES);
  }
}
