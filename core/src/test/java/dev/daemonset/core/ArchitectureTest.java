package dev.daemonset.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of STYLE.md, enforced: the api stands alone, and core is a quiet library. */
class ArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.daemonset");

  @Test
  void apiNamesNoJacksonHibernateOrCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.daemonset.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.fasterxml..", "org.hibernate..", "org.yaml..", "picocli..", "dev.daemonset.core..")
        .check(CLASSES);
  }

  @Test
  void theLibraryNeverPrints() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.daemonset.api..", "dev.daemonset.core..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .accessField(System.class, "in")
        .orShould()
        .callMethod(Throwable.class, "printStackTrace")
        .check(CLASSES);
  }

  @Test
  void theLibraryHasNoCommandLineEditorOrLoggingDependency() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.daemonset.api..", "dev.daemonset.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "picocli..", "org.eclipse.lsp4j..", "java.util.logging..", "dev.daemonset.cli..")
        .check(CLASSES);
  }

  @Test
  void theLibraryChangesNoProcessWideState() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.daemonset.api..", "dev.daemonset.core..")
        .should()
        .callMethod(System.class, "setProperty", String.class, String.class)
        .orShould()
        .callMethod(System.class, "exit", int.class)
        .orShould()
        .callMethod(java.util.Locale.class, "setDefault", java.util.Locale.class)
        .check(CLASSES);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.daemonset.(**)").should().beFreeOfCycles().check(CLASSES);
  }
}
