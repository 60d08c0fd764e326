package dev.daemonset.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.Diagnostic;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The reviewed API, recorded: one line per public type and member of the packages each module
 * exports, in {@code api/api-signatures.txt} and {@code core/api-signatures.txt}. Any difference
 * fails, so that a change of the public API shows up in review as a change of these files; after a
 * deliberate change rewrite them with
 *
 * <pre>
 * mvn -B -pl core -am test -Dtest=ApiBaselineTest -Dsurefire.failIfNoSpecifiedTests=false -Dapi.baseline.update=true
 * </pre>
 *
 * and commit the diff with the change (and a line in CHANGELOG.md). Until a release exists for
 * japicmp to compare against, this is the baseline; see docs/development.md.
 */
class ApiBaselineTest {

  static final Path ROOT = TestData.path("").getParent();

  static final String HEADER =
      """
      # The public API of %s: one line per type and member of its exported packages.
      # Checked by core's ApiBaselineTest; after a deliberate API change rewrite it with
      #   mvn -B -pl core -am test -Dtest=ApiBaselineTest -Dsurefire.failIfNoSpecifiedTests=false -Dapi.baseline.update=true
      # and review the diff (docs/development.md, "The API baseline").
      """;

  @Test
  void theApiOfDaemonsetApiIsTheRecordedOne() throws IOException {
    check("api", Diagnostic.class);
  }

  @Test
  void theApiOfDaemonsetCoreIsTheRecordedOne() throws IOException {
    check("core", DaemonSetEngine.class);
  }

  private static void check(String module, Class<?> inModule) throws IOException {
    String actual =
        String.format(java.util.Locale.ROOT, HEADER, "daemonset-" + module)
            + String.join("\n", signatures(inModule))
            + "\n";
    Path file = ROOT.resolve(module).resolve("api-signatures.txt");
    if (Boolean.getBoolean("api.baseline.update")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(file))
        .as(file + " exists (write it with -Dapi.baseline.update=true)")
        .isTrue();
    assertThat(actual)
        .as("the public API of daemonset-" + module + " differs from " + ROOT.relativize(file))
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The lines of every type of the exported packages of {@code inModule}'s module, sorted. */
  static List<String> signatures(Class<?> inModule) throws IOException {
    Set<String> exported = Exports.of(inModule);
    List<String> out = new ArrayList<>();
    for (String name : classNames(inModule)) {
      String pkg = name.substring(0, name.lastIndexOf('.'));
      if (!exported.contains(pkg)) {
        continue;
      }
      Class<?> c;
      try {
        c = Class.forName(name, false, inModule.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      if (isVisible(c) && !c.isSynthetic() && !c.isAnonymousClass()) {
        out.addAll(describe(c));
      }
    }
    return out;
  }

  /** Every class of the module, in name order (nested classes after their outer class). */
  private static List<String> classNames(Class<?> inModule) throws IOException {
    Path root = Exports.root(inModule);
    Set<String> names = new TreeSet<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        files
            .map(p -> root.relativize(p).toString().replace('\\', '/'))
            .forEach(f -> addClass(f, names));
      }
    } else {
      try (JarFile jar = new JarFile(root.toFile())) {
        jar.stream().forEach(e -> addClass(e.getName(), names));
      }
    }
    return List.copyOf(names);
  }

  private static void addClass(String file, Set<String> names) {
    if (file.endsWith(".class") && !file.endsWith("module-info.class")) {
      String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
      if (!name.endsWith("package-info")) {
        names.add(name);
      }
    }
  }

  private static boolean isVisible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The type's own line, then one indented line per member: constructors, then fields and methods
   * by name. {@code equals}, {@code hashCode} and {@code toString} are left out: Object fixes their
   * signatures.
   */
  private static List<String> describe(Class<?> c) {
    List<String> out = new ArrayList<>();
    out.add(typeLine(c));
    List<String> constructors = new ArrayList<>();
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (isApi(k.getModifiers()) && !k.isSynthetic()) {
        constructors.add("  " + stability(k) + "new " + c.getSimpleName() + executable(k));
      }
    }
    constructors.sort(null);
    out.addAll(constructors);
    TreeMap<String, List<String>> byName = new TreeMap<>();
    for (Field f : c.getDeclaredFields()) {
      if (isApi(f.getModifiers()) && !f.isSynthetic()) {
        byName
            .computeIfAbsent(f.getName(), n -> new ArrayList<>())
            .add(
                "  "
                    + stability(f)
                    + modifiers(f.getModifiers(), Modifier.STATIC | Modifier.FINAL)
                    + name(f.getGenericType())
                    + " "
                    + f.getName());
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (isApi(m.getModifiers())
          && !m.isSynthetic()
          && !m.isBridge()
          && !OBJECT_METHODS.contains(m.getName() + m.getParameterCount())) {
        byName
            .computeIfAbsent(m.getName(), n -> new ArrayList<>())
            .add(
                "  "
                    + stability(m)
                    + (m.isDefault() ? "default " : "")
                    + modifiers(m.getModifiers(), Modifier.STATIC | Modifier.ABSTRACT)
                    + typeParameters(m.getTypeParameters())
                    + name(m.getGenericReturnType())
                    + " "
                    + m.getName()
                    + executable(m));
      }
    }
    byName.values().forEach(lines -> lines.stream().sorted().forEach(out::add));
    return out;
  }

  private static final Set<String> OBJECT_METHODS = Set.of("equals1", "hashCode0", "toString0");

  private static String typeLine(Class<?> c) {
    String kind =
        c.isAnnotation()
            ? "@interface"
            : c.isInterface()
                ? "interface"
                : c.isEnum() ? "enum" : c.isRecord() ? "record" : "class";
    int shown = Modifier.STATIC | (c.isInterface() ? 0 : Modifier.ABSTRACT | Modifier.FINAL);
    StringBuilder s =
        new StringBuilder(stability(c))
            .append(modifiers(c.getModifiers(), shown))
            .append(c.isSealed() ? "sealed " : "")
            .append(kind)
            .append(' ')
            .append(name(c))
            .append(typeParameters(c.getTypeParameters()));
    if (c.isRecord()) { // the components, in order and with their names
      s.append(
          Arrays.stream(c.getRecordComponents())
              .map(r -> name(r.getGenericType()) + " " + r.getName())
              .collect(Collectors.joining(", ", "(", ")")));
    }
    Type superclass = c.getGenericSuperclass();
    if (superclass != null
        && superclass != Object.class
        && superclass != Record.class
        && !(c.isEnum() && c.getSuperclass() == Enum.class)) {
      s.append(" extends ").append(name(superclass));
    }
    List<String> interfaces =
        Arrays.stream(c.getGenericInterfaces())
            .map(ApiBaselineTest::name)
            .filter(i -> !(c.isAnnotation() && i.equals("java.lang.annotation.Annotation")))
            .toList();
    if (!interfaces.isEmpty()) {
      s.append(c.isInterface() ? " extends " : " implements ")
          .append(String.join(", ", interfaces));
    }
    if (c.isSealed()) {
      s.append(" permits ")
          .append(
              Arrays.stream(c.getPermittedSubclasses())
                  .map(ApiBaselineTest::name)
                  .collect(Collectors.joining(", ")));
    }
    return s.toString();
  }

  private static boolean isApi(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String stability(AnnotatedElement e) {
    API api = e.getAnnotation(API.class);
    return api == null ? "" : "@API(" + api.status() + ", " + api.since() + ") ";
  }

  private static String modifiers(int modifiers, int shown) {
    String s = Modifier.toString(modifiers & (shown | Modifier.PROTECTED));
    return s.isEmpty() ? "" : s + " ";
  }

  private static String executable(Executable e) {
    String params =
        Arrays.stream(e.getGenericParameterTypes())
            .map(ApiBaselineTest::name)
            .collect(Collectors.joining(", "));
    if (e.isVarArgs()) {
      params = params.substring(0, params.length() - 2) + "...";
    }
    Type[] thrown = e.getGenericExceptionTypes();
    return "("
        + params
        + ")"
        + (thrown.length == 0
            ? ""
            : " throws "
                + Arrays.stream(thrown)
                    .map(ApiBaselineTest::name)
                    .collect(Collectors.joining(", ")));
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables)
            .map(
                v -> {
                  List<String> bounds =
                      Arrays.stream(v.getBounds())
                          .filter(b -> b != Object.class)
                          .map(ApiBaselineTest::name)
                          .toList();
                  return v.getName()
                      + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds));
                })
            .collect(Collectors.joining(", ", "<", ">"))
        + (variables[0].getGenericDeclaration() instanceof Method ? " " : "");
  }

  /** A type as written in source, {@code java.lang.} left out; nested classes with a dot. */
  private static String name(Type t) {
    return t.getTypeName().replace('$', '.').replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "");
  }
}
