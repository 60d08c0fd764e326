package dev.daemonset.core.plan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the planner, the simulator and the api, checked on the compiled classes: both
 * engines are pure functions of their inputs.
 */
class PlannerArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .importPaths(Path.of("target", "classes"), Path.of("..", "api", "target", "classes"));

  @Test
  void plannerImportsNothingOfReadingValidationRenderingCliOrIo() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.daemonset.core.plan..", "dev.daemonset.core.simulate..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.daemonset.core.read..",
            "dev.daemonset.core.validate..",
            "dev.daemonset.core.render..",
            "dev.daemonset.cli..",
            "java.io..",
            "java.nio.file..",
            "com.fasterxml..",
            "org.hibernate..")
        .check(CLASSES);
  }

  @Test
  void plannerReadsNoClockAndNoRandomness() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.daemonset.core.plan..", "dev.daemonset.core.simulate..")
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(java.time.Clock.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(java.util.Random.class)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(java.util.SplittableRandom.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(java.security.SecureRandom.class)
        .orShould()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(CLASSES);
  }
}
