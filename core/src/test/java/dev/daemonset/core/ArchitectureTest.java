package dev.daemonset.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.daemonset.api.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of STYLE.md, enforced: the api stands alone, core is a quiet library, and what the
 * two modules export is a deliberate, marked API that names nothing it does not own.
 */
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

  /** The packages {@code module-info} of api and core export, read from the compiled classes. */
  static final Set<String> EXPORTED = Exports.of(Diagnostic.class, DaemonSetEngine.class);

  static boolean isExported(JavaClass c) {
    return EXPORTED.contains(c.getPackageName());
  }

  /** Public, and every enclosing class public too: a type a user of the module can name. */
  static boolean isVisible(JavaClass c) {
    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
      if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  static boolean isApi(JavaClass c) {
    return isExported(c) && isVisible(c) && !c.isAnonymousClass();
  }

  /** What a type named in an exported signature may not be. */
  static String forbidden(JavaClass named) {
    String name = named.getName();
    if (Stream.of("com.fasterxml.", "org.yaml.", "org.hibernate.", "org.jboss.")
        .anyMatch(name::startsWith)) {
      return "a third-party implementation type";
    }
    if (name.startsWith("dev.daemonset.") && !(isExported(named) && isVisible(named))) {
      return named.getPackageName().contains(".internal")
          ? "a type of an internal package"
          : "a type a user cannot name (not public, or not exported)";
    }
    return null;
  }

  @Test
  void theExportedPackagesAreTheOnesDocumented() {
    assertThat(EXPORTED)
        .containsExactly(
            "dev.daemonset.api",
            "dev.daemonset.api.constraints",
            "dev.daemonset.api.lint",
            "dev.daemonset.api.model",
            "dev.daemonset.api.plan",
            "dev.daemonset.api.simulate",
            "dev.daemonset.core",
            "dev.daemonset.core.config",
            "dev.daemonset.core.defaults",
            "dev.daemonset.core.diff",
            "dev.daemonset.core.lint",
            "dev.daemonset.core.plan",
            "dev.daemonset.core.read",
            "dev.daemonset.core.render",
            "dev.daemonset.core.report",
            "dev.daemonset.core.simulate",
            "dev.daemonset.core.validate");
  }

  @Test
  void noExportedSignatureNamesAnInternalOrThirdPartyImplementationType() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass c : CLASSES) {
      if (!isApi(c)) {
        continue;
      }
      List<JavaType> supertypes = new ArrayList<>();
      c.getSuperclass().ifPresent(supertypes::add);
      supertypes.addAll(c.getInterfaces());
      check(c.getName() + " extends/implements", supertypes, leaks);
      for (JavaCodeUnit u : c.getCodeUnits()) {
        if (isReachable(u.getModifiers()) && !u.getModifiers().contains(JavaModifier.SYNTHETIC)) {
          List<JavaType> types = new ArrayList<>(u.getParameterTypes());
          types.add(u.getReturnType());
          u.getThrowsClause().getTypes().forEach(types::add);
          check(u.getFullName(), types, leaks);
        }
      }
      for (JavaField f : c.getFields()) {
        if (isReachable(f.getModifiers())) {
          check(f.getFullName(), List.of(f.getType()), leaks);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static boolean isReachable(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void check(String where, List<? extends JavaType> types, List<String> leaks) {
    for (JavaType t : types) {
      for (JavaClass named : t.getAllInvolvedRawTypes()) {
        String why = forbidden(named);
        if (why != null) {
          leaks.add(where + " names " + named.getName() + ", " + why);
        }
      }
    }
  }

  @Test
  void everyPublicTypeOfAnExportedPackageDeclaresItsStability() {
    classes()
        .that(
            new DescribedPredicate<JavaClass>("are public top-level types of an exported package") {
              @Override
              public boolean test(JavaClass c) {
                return isApi(c) && c.isTopLevelClass() && !c.getSimpleName().equals("package-info");
              }
            })
        .should()
        .beAnnotatedWith(API.class)
        .check(CLASSES);
  }

  @Test
  void everyPublicTypeOutsideTheExportedPackagesIsInAnInternalPackage() {
    List<String> misplaced =
        CLASSES.stream()
            .filter(c -> c.getPackageName().matches("dev\\.daemonset\\.(api|core)(\\..*)?"))
            .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC))
            .filter(c -> !isExported(c) && !c.getPackageName().contains(".internal"))
            .map(JavaClass::getName)
            .sorted()
            .collect(Collectors.toList());
    assertThat(misplaced).isEmpty();
  }
}
