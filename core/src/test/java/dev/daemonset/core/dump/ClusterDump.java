package dev.daemonset.core.dump;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.daemonset.core.testsupport.SuppressForbidden;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded, realistic {@code kubectl get nodes,pods,controllerrevisions -A -o json|yaml} output of a
 * cluster with one DaemonSet: what the snapshot reader's tests and benchmarks read.
 *
 * <p>Nodes look as a cloud provider's do (kubelet's annotations, a dozen labels, managedFields of
 * kubelet and the controller manager, addresses, capacity and allocatable, four conditions,
 * daemonEndpoints, 20 images, nodeInfo), some tainted, a few cordoned. Every node runs one pod of
 * the DaemonSet {@code monitoring/node-agent} (full spec with its pinning affinity, status with
 * container statuses), mid-rollout: some on the old revision, some not Ready; half as many pods of
 * a Deployment run beside them, some with a multi-line script and long wrapped options. The dump
 * ends with the DaemonSet's two ControllerRevisions. JSON is indented as kubectl indents it (four
 * spaces); YAML is block style with kubectl's indentless lists.
 *
 * <p>{@link Options#variety()} adds what real inputs may hold and kubectl output rarely does, for
 * the property tests: keys in any order (kind last), nulls, missing sections, unknown fields,
 * non-ASCII values, terminal and deleting pods, pods pinned by affinity only.
 *
 * <p>Deterministic: the same options give the same bytes. Run {@link #main} to write dumps into a
 * folder (never commit them).
 */
public final class ClusterDump {

  /** The DaemonSet's namespace and name. */
  public static final String NAMESPACE = "monitoring";

  public static final String NAME = "node-agent";
  public static final String DS_UID = "5f0c1a52-8e3b-4c1d-9a27-2b9d0e6f4a10";
  public static final String CURRENT_HASH = "6d4f8b7c9";
  public static final String OLD_HASH = "58bd6cf5d4";

  /** When the dump was taken: every timestamp is before it. */
  public static final Instant TAKEN = Instant.parse("2026-11-28T10:00:00Z");

  /**
   * What to generate.
   *
   * @param nodes how many nodes (each with one daemon pod)
   * @param otherPodsPerNode pods of other workloads per node (0.5: one per two nodes)
   * @param seed the random seed
   * @param variety whether to add the irregular inputs described on the class
   */
  public record Options(int nodes, double otherPodsPerNode, long seed, boolean variety) {
    public Options {
      if (nodes < 0 || otherPodsPerNode < 0) {
        throw new IllegalArgumentException("nodes and otherPodsPerNode must not be negative");
      }
    }

    /** Realistic kubectl output of {@code nodes} nodes, half as many other pods. */
    public static Options of(int nodes, long seed) {
      return new Options(nodes, 0.5, seed, false);
    }

    public Options withVariety(boolean v) {
      return new Options(nodes, otherPodsPerNode, seed, v);
    }
  }

  /** Output formats, as {@code kubectl -o json} and {@code -o yaml} print them. */
  public enum Format {
    JSON,
    YAML;

    /** The file name extension. */
    public String extension() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"};
  private static final String[] TYPES = {"m5.xlarge", "m5.2xlarge", "c5.4xlarge", "r5.2xlarge"};
  private static final String[] IMAGES = {
    "nginx",
    "kube-proxy",
    "node-exporter",
    "aws-cni",
    "fluent-bit",
    "pause",
    "cilium",
    "payments-api",
    "checkout-web",
    "promtail",
    "coredns",
    "redis",
    "postgres",
    "istio-proxy",
    "dd-agent",
    "ingress-nginx",
    "cert-manager",
    "busybox",
    "search-indexer",
    "otel-collector",
    "metrics-server"
  };
  private static final String[] APPS = {"payments-api", "checkout-web", "search-indexer"};

  private final Options options;
  private final Random random;
  private final List<String> nodeNames = new ArrayList<>();

  private ClusterDump(Options options) {
    this.options = options;
    this.random = new Random(options.seed());
  }

  /** Writes the dump as one {@code v1 List}. Does not close {@code out}. */
  public static void write(Options options, Format format, OutputStream out) throws IOException {
    JsonGenerator g = generator(format, out);
    g.writeStartObject();
    g.writeStringField("apiVersion", "v1");
    g.writeFieldName("items");
    g.writeStartArray();
    new ClusterDump(options).items(item -> writeTree(g, item));
    g.writeEndArray();
    g.writeStringField("kind", "List");
    g.writeFieldName("metadata");
    g.writeStartObject();
    g.writeStringField("resourceVersion", "");
    g.writeEndObject();
    g.writeEndObject();
    g.flush();
    if (format == Format.YAML) {
      out.write('\n');
    }
    out.flush();
  }

  /** Writes the dump to {@code file}, creating its folder. */
  public static void write(Options options, Format format, Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(options, format, out);
    }
  }

  /** The dump as bytes (small clusters). */
  public static byte[] bytes(Options options, Format format) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      write(options, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Every item of the dump, in order, as trees. */
  public static List<ObjectNode> items(Options options) {
    List<ObjectNode> out = new ArrayList<>();
    new ClusterDump(options).items(out::add);
    return out;
  }

  /** One object as a manifest of its own in {@code format}. */
  public static byte[] manifest(JsonNode object, Format format) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      JsonGenerator g = generator(format, out);
      writeTree(g, object);
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The DaemonSet whose pods the dump holds, as YAML (it is not part of the dump). */
  public static String daemonSetYaml() {
    ObjectNode ds = F.objectNode();
    ds.put("apiVersion", "apps/v1");
    ds.put("kind", "DaemonSet");
    ObjectNode meta = ds.putObject("metadata");
    meta.put("name", NAME);
    meta.put("namespace", NAMESPACE);
    meta.put("uid", DS_UID);
    meta.put("generation", 3);
    ObjectNode spec = ds.putObject("spec");
    spec.putObject("selector").putObject("matchLabels").put("app.kubernetes.io/name", NAME);
    spec.set("template", template());
    ObjectNode strategy = spec.putObject("updateStrategy");
    strategy.put("type", "RollingUpdate");
    strategy.putObject("rollingUpdate").put("maxUnavailable", "10%");
    return new String(manifest(ds, Format.YAML), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Writes dumps: {@code ClusterDump <folder> <nodes,...> [json|yaml|both] [seed]}, one file per
   * size and format ({@code nodes-<n>.<format>}) and {@code daemonset.yaml}.
   */
  @SuppressForbidden // a command-line tool (benchmarks/fleet-e2e.sh): its output is for the user
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ClusterDump <folder> <nodes,...> [json|yaml|both] [seed]");
      System.exit(2);
    }
    Path folder = Path.of(args[0]);
    String which = args.length > 2 ? args[2] : "both";
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261128L;
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("daemonset.yaml"), daemonSetYaml());
    for (String size : args[1].split(",", -1)) {
      int nodes = Integer.parseInt(size.strip());
      for (Format f : Format.values()) {
        if (which.equals("both") || which.equalsIgnoreCase(f.extension())) {
          Path file = folder.resolve("nodes-" + nodes + "." + f.extension());
          write(Options.of(nodes, seed), f, file);
          System.out.println(file + " " + Files.size(file) + " bytes");
        }
      }
    }
  }

  private static JsonGenerator generator(Format format, OutputStream out) throws IOException {
    if (format == Format.YAML) {
      YAMLFactory factory =
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .disable(YAMLGenerator.Feature.INDENT_ARRAYS)
              .stringQuotingChecker(new KubectlQuoting())
              .build();
      return factory.createGenerator(out, JsonEncoding.UTF8);
    }
    JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
    // kubectl's layout: four spaces, "key": value, [] and {} for empty collections
    DefaultIndenter four = new DefaultIndenter("    ", "\n");
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(four)
            .withArrayIndenter(four);
    g.setPrettyPrinter(new KubectlPrinter(pretty));
    return g;
  }

  /**
   * kubectl's YAML writer (go-yaml) quotes what a YAML 1.1 reader would not read back as the same
   * string, timestamps among them; Jackson's minimal quoting leaves those plain.
   */
  private static final class KubectlQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final java.util.regex.Pattern TIMESTAMP =
        java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ].*)?");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || TIMESTAMP.matcher(value).matches();
    }
  }

  /** Jackson's printer writes {@code [ ]} for an empty array; kubectl writes {@code []}. */
  private static final class KubectlPrinter extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    KubectlPrinter(DefaultPrettyPrinter base) {
      super(base);
    }

    @Override
    public KubectlPrinter createInstance() {
      return new KubectlPrinter(this);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      if (!_arrayIndenter.isInline()) {
        --_nesting;
      }
      if (nrOfValues > 0) {
        _arrayIndenter.writeIndentation(g, _nesting);
      }
      g.writeRaw(']');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      if (!_objectIndenter.isInline()) {
        --_nesting;
      }
      if (nrOfEntries > 0) {
        _objectIndenter.writeIndentation(g, _nesting);
      }
      g.writeRaw('}');
    }
  }

  private static void writeTree(JsonGenerator g, JsonNode node) {
    try {
      MAPPER.writeTree(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- the cluster ----

  private void items(Consumer<ObjectNode> out) {
    int n = options.nodes();
    for (int i = 0; i < n; i++) {
      nodeNames.add(nodeName(i));
    }
    for (int i = 0; i < n; i++) {
      out.accept(shape(node(i)));
    }
    long others = Math.round(n * options.otherPodsPerNode());
    int app = 0;
    for (int i = 0; i < n; i++) {
      out.accept(shape(daemonPod(i)));
      while (app < others && (long) app * n < (long) (i + 1) * others) {
        out.accept(shape(otherPod(app++)));
      }
    }
    out.accept(shape(revision(1, OLD_HASH)));
    out.accept(shape(revision(2, CURRENT_HASH)));
  }

  private String nodeName(int i) {
    return "ip-10-" + (i >> 16 & 0xFF) + "-" + (i >> 8 & 0xFF) + "-" + (i & 0xFF) + ".ec2.internal";
  }

  private String uid() {
    return String.format(
        Locale.ROOT,
        "%08x-%04x-4%03x-%04x-%012x",
        random.nextInt(),
        random.nextInt(0x10000),
        random.nextInt(0x1000),
        0x8000 | random.nextInt(0x4000),
        random.nextLong() & 0xFFFFFFFFFFFFL);
  }

  private String hex(int length) {
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      s.append(Long.toHexString(random.nextLong() | Long.MIN_VALUE));
    }
    return s.substring(0, length);
  }

  private String time(long maxAgeSeconds) {
    return TAKEN
        .minusSeconds(1 + (long) (random.nextDouble() * maxAgeSeconds))
        .truncatedTo(ChronoUnit.SECONDS)
        .toString();
  }

  private String suffix() {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder s = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private ObjectNode node(int i) {
    String name = nodeNames.get(i);
    String zone = ZONES[i % ZONES.length];
    String type = TYPES[(i / 7) % TYPES.length];
    String ip = "10." + (i >> 16 & 0xFF) + "." + (i >> 8 & 0xFF) + "." + (i & 0xFF);
    String created = time(400L * 24 * 3600);
    String instance = "i-0" + hex(16);
    ObjectNode node = F.objectNode();
    node.put("apiVersion", "v1");
    node.put("kind", "Node");
    ObjectNode meta = node.putObject("metadata");
    ObjectNode annotations = meta.putObject("annotations");
    annotations.put("node.alpha.kubernetes.io/ttl", "0");
    meta.put("creationTimestamp", created);
    ObjectNode labels = meta.putObject("labels");
    labels.put("eks.amazonaws.com/capacityType", i % 5 == 0 ? "SPOT" : "ON_DEMAND");
    labels.put("eks.amazonaws.com/nodegroup", "ng-" + (i % 6));
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    labels.put("node.kubernetes.io/instance-type", type);
    labels.put("topology.kubernetes.io/region", "us-east-1");
    labels.put("topology.kubernetes.io/zone", zone);
    if (i % 10 == 3) {
      labels.put("dedicated", "gpu");
    }
    ArrayNode managed = meta.putArray("managedFields");
    managed.add(managedKubelet(created));
    meta.put("name", name);
    meta.put("resourceVersion", Integer.toString(100_000_000 + random.nextInt(900_000_000)));
    meta.put("uid", uid());
    ObjectNode spec = node.putObject("spec");
    spec.put("podCIDR", "100.64." + (i & 0xFF) + ".0/24");
    spec.put("providerID", "aws:///" + zone + "/" + instance);
    boolean cordoned = i % 100 == 42;
    ArrayNode taints = F.arrayNode();
    if (i % 10 == 3) {
      ObjectNode t = taints.addObject();
      t.put("effect", "NoSchedule");
      t.put("key", "dedicated");
      t.put("value", "gpu");
    }
    if (cordoned) {
      ObjectNode t = taints.addObject();
      t.put("effect", "NoSchedule");
      t.put("key", "node.kubernetes.io/unschedulable");
      t.put("timeAdded", time(3600));
      spec.set("taints", taints);
      spec.put("unschedulable", true);
    } else if (!taints.isEmpty()) {
      spec.set("taints", taints);
    }
    ObjectNode status = node.putObject("status");
    ArrayNode addresses = status.putArray("addresses");
    addresses.addObject().put("address", ip).put("type", "InternalIP");
    addresses.addObject().put("address", name).put("type", "Hostname");
    ObjectNode allocatable = status.putObject("allocatable");
    allocatable.put("cpu", "3920m");
    allocatable.put("ephemeral-storage", "95491281146");
    allocatable.put("memory", "15147300Ki");
    allocatable.put("pods", "58");
    ObjectNode capacity = status.putObject("capacity");
    capacity.put("cpu", "4");
    capacity.put("ephemeral-storage", "104845292Ki");
    capacity.put("memory", "16074532Ki");
    capacity.put("pods", "58");
    ArrayNode conditions = status.putArray("conditions");
    String heartbeat = time(60);
    condition(
        conditions,
        heartbeat,
        created,
        "kubelet has sufficient memory available",
        "KubeletHasSufficientMemory",
        "False",
        "MemoryPressure");
    condition(
        conditions,
        heartbeat,
        created,
        "kubelet has no disk pressure",
        "KubeletHasNoDiskPressure",
        "False",
        "DiskPressure");
    condition(
        conditions,
        heartbeat,
        created,
        "kubelet has sufficient PID available",
        "KubeletHasSufficientPID",
        "False",
        "PIDPressure");
    boolean ready = i % 50 != 17;
    condition(
        conditions,
        heartbeat,
        created,
        ready
            ? "kubelet is posting ready status"
            : "container runtime network not ready: NetworkReady=false"
                + " reason:NetworkPluginNotReady message:Network plugin returns error:"
                + " cni plugin not initialized",
        ready ? "KubeletReady" : "KubeletNotReady",
        ready ? "True" : "False",
        "Ready");
    ArrayNode images = status.putArray("images");
    for (int k = 0; k < 20; k++) {
      String repo = "ecr.aws/" + IMAGES[(i + k * 7) % IMAGES.length];
      ObjectNode image = images.addObject();
      ArrayNode names = image.putArray("names");
      names.add(repo + ":v1." + (k % 9) + "." + (k % 4));
      image.put("sizeBytes", 1_000_000L + random.nextInt(400_000_000));
    }
    ObjectNode info = status.putObject("nodeInfo");
    info.put("architecture", "amd64");
    info.put("containerRuntimeVersion", "containerd://1.7.11");
    info.put("kernelVersion", "5.10.205-195.807.amzn2.x86_64");
    info.put("kubeletVersion", "v1.29.0-eks-5e0fdde");
    info.put("operatingSystem", "linux");
    info.put("osImage", "Amazon Linux 2");
    return node;
  }

  private static void condition(
      ArrayNode conditions,
      String heartbeat,
      String transition,
      String message,
      String reason,
      String status,
      String type) {
    ObjectNode c = conditions.addObject();
    c.put("lastHeartbeatTime", heartbeat);
    c.put("lastTransitionTime", transition);
    c.put("message", message);
    c.put("reason", reason);
    c.put("status", status);
    c.put("type", type);
  }

  private ObjectNode managed(String manager, String time, String subresource) {
    ObjectNode m = F.objectNode();
    m.put("apiVersion", "v1");
    m.put("fieldsType", "FieldsV1");
    m.putObject("fieldsV1");
    m.put("manager", manager);
    m.put("operation", "Update");
    if (subresource != null) {
      m.put("subresource", subresource);
    }
    m.put("time", time);
    return m;
  }

  private ObjectNode managedKubelet(String created) {
    ObjectNode m = managed("kubelet", created, null);
    ObjectNode f = (ObjectNode) m.get("fieldsV1");
    ObjectNode labels = f.putObject("f:metadata").putObject("f:labels");
    labels.putObject(".");
    labels.putObject("f:kubernetes.io/hostname");
    f.putObject("f:spec").putObject("f:providerID");
    return m;
  }

  // ---- pods ----

  private static ObjectNode template() {
    ObjectNode template = F.objectNode();
    ObjectNode meta = template.putObject("metadata");
    meta.putObject("labels").put("app.kubernetes.io/name", NAME);
    ObjectNode spec = template.putObject("spec");
    ArrayNode containers = spec.putArray("containers");
    ObjectNode c = containers.addObject();
    c.putArray("args").add("--path.procfs=/host/proc");
    c.put("image", "quay.io/prometheus/node-exporter:v1.8.2");
    c.put("imagePullPolicy", "IfNotPresent");
    c.put("name", "node-exporter");
    c.putObject("resources").putObject("requests").put("cpu", "102m").put("memory", "180Mi");
    ObjectNode mount = c.putArray("volumeMounts").addObject();
    mount.put("mountPath", "/host/proc");
    mount.put("name", "proc");
    spec.put("hostNetwork", true);
    spec.putObject("nodeSelector").put("kubernetes.io/os", "linux");
    spec.put("priorityClassName", "system-node-critical");
    spec.put("serviceAccountName", NAME);
    ArrayNode tolerations = spec.putArray("tolerations");
    tolerations.addObject().put("operator", "Exists");
    ObjectNode volume = spec.putArray("volumes").addObject();
    volume.putObject("hostPath").put("path", "/proc");
    volume.put("name", "proc");
    return template;
  }

  private ObjectNode podMeta(
      ObjectNode pod, String name, String namespace, String created, ObjectNode labels) {
    ObjectNode meta = pod.putObject("metadata");
    meta.put("creationTimestamp", created);
    meta.put("generateName", name.substring(0, name.lastIndexOf('-') + 1));
    meta.set("labels", labels);
    meta.put("name", name);
    meta.put("namespace", namespace);
    return meta;
  }

  private static void owner(ObjectNode meta, String kind, String name, String uid) {
    ObjectNode ref = meta.putArray("ownerReferences").addObject();
    ref.put("apiVersion", "apps/v1");
    ref.put("blockOwnerDeletion", true);
    ref.put("controller", true);
    ref.put("kind", kind);
    ref.put("name", name);
    ref.put("uid", uid);
  }

  private ObjectNode daemonPod(int i) {
    String node = nodeNames.get(i);
    boolean old = i % 10 == 5;
    String created = time(30L * 24 * 3600);
    ObjectNode pod = F.objectNode();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    ObjectNode labels = F.objectNode();
    labels.put("app.kubernetes.io/name", NAME);
    labels.put("controller-revision-hash", old ? OLD_HASH : CURRENT_HASH);
    labels.put("pod-template-generation", old ? "2" : "3");
    ObjectNode meta = podMeta(pod, NAME + "-" + suffix(), NAMESPACE, created, labels);
    owner(meta, "DaemonSet", NAME, DS_UID);
    meta.put("resourceVersion", Integer.toString(100_000_000 + random.nextInt(900_000_000)));
    meta.put("uid", uid());
    ObjectNode spec = template().get("spec").deepCopy();
    ObjectNode affinity = F.objectNode();
    ObjectNode term =
        affinity
            .putObject("nodeAffinity")
            .putObject("requiredDuringSchedulingIgnoredDuringExecution")
            .putArray("nodeSelectorTerms")
            .addObject();
    ObjectNode field = term.putArray("matchFields").addObject();
    field.put("key", "metadata.name");
    field.put("operator", "In");
    field.putArray("values").add(node);
    ObjectNode full = F.objectNode();
    full.set("affinity", affinity);
    spec.properties().forEach(e -> full.set(e.getKey(), e.getValue()));
    full.put("dnsPolicy", "ClusterFirst");
    full.put("nodeName", node);
    full.put("restartPolicy", "Always");
    full.put("schedulerName", "default-scheduler");
    full.put("terminationGracePeriodSeconds", 30);
    pod.set("spec", full);
    boolean ready = i % 50 != 17 && i % 37 != 1;
    pod.set(
        "status",
        status(
            node,
            "10.0." + (i >> 8 & 0xFF) + "." + (i & 0xFF),
            created,
            ready,
            "node-exporter",
            "quay.io/prometheus/node-exporter:v1.8.2"));
    return pod;
  }

  private ObjectNode status(
      String node, String ip, String created, boolean ready, String container, String image) {
    ObjectNode status = F.objectNode();
    ArrayNode conditions = status.putArray("conditions");
    String started =
        TAKEN.isAfter(Instant.parse(created).plusSeconds(5))
            ? Instant.parse(created).plusSeconds(5).toString()
            : created;
    String readyAt = ready ? Instant.parse(created).plusSeconds(9).toString() : time(120);
    podCondition(conditions, readyAt, ready ? "True" : "False", "Ready");
    podCondition(conditions, created, "True", "PodScheduled");
    if (!ready) {
      ((ObjectNode) conditions.get(0)).put("reason", "ContainersNotReady");
      ((ObjectNode) conditions.get(0))
          .put("message", "containers with unready status: [" + container + "]");
    }
    ObjectNode cs = status.putArray("containerStatuses").addObject();
    cs.put("containerID", "containerd://" + hex(64));
    cs.put("image", image);
    cs.put("imageID", image.substring(0, image.indexOf(':')) + "@sha256:" + hex(64));
    cs.put("name", container);
    cs.put("ready", ready);
    cs.put("restartCount", ready ? 0 : 3);
    cs.put("started", ready);
    if (ready) {
      cs.putObject("state").putObject("running").put("startedAt", started);
    } else {
      ObjectNode waiting = cs.putObject("state").putObject("waiting");
      waiting.put("message", "back-off 1m20s restarting failed container=" + container);
      waiting.put("reason", "CrashLoopBackOff");
    }
    status.put(
        "hostIP",
        node.startsWith("ip-")
            ? node.substring(3, node.indexOf('.')).replace('-', '.')
            : "10.0.0.1");
    status.put("phase", "Running");
    status.put("podIP", ip);
    status.put("qosClass", "Burstable");
    status.put("startTime", created);
    return status;
  }

  private static void podCondition(ArrayNode conditions, String time, String status, String type) {
    ObjectNode c = conditions.addObject();
    c.putNull("lastProbeTime");
    c.put("lastTransitionTime", time);
    c.put("status", status);
    c.put("type", type);
  }

  private ObjectNode otherPod(int k) {
    String app = APPS[k % APPS.length];
    String node = nodeNames.get(random.nextInt(nodeNames.size()));
    String created = time(10L * 24 * 3600);
    String hash = "7c9f" + Integer.toHexString(k % 5) + "b8d4";
    ObjectNode pod = F.objectNode();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    ObjectNode labels = F.objectNode();
    labels.put("app", app);
    labels.put("pod-template-hash", hash);
    labels.put("team", k % 2 == 0 ? "commerce" : "search");
    ObjectNode meta = podMeta(pod, app + "-" + hash + "-" + suffix(), "apps", created, labels);
    if (k % 3 == 0) {
      meta.putObject("annotations").put("kubectl.kubernetes.io/restartedAt", time(86400));
    }
    owner(meta, "ReplicaSet", app + "-" + hash, uid());
    meta.put("resourceVersion", Integer.toString(100_000_000 + random.nextInt(900_000_000)));
    meta.put("uid", uid());
    ObjectNode spec = pod.putObject("spec");
    ObjectNode c = spec.putArray("containers").addObject();
    if (k % 4 == 0) {
      // a script, as kubectl prints multi-line strings: a literal block scalar in YAML
      c.putArray("command")
          .add("/bin/sh")
          .add("-c")
          .add("set -e\nexport PORT=8080\nexec /app/server --port \"$PORT\" --log-format json\n");
    }
    ObjectNode env = c.putArray("env").addObject();
    env.put("name", "JAVA_TOOL_OPTIONS");
    // longer than a line: YAML writers fold it over several lines
    env.put(
        "value",
        "-XX:MaxRAMPercentage=75.0 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError"
            + " -Dfile.encoding=UTF-8 -Duser.timezone=UTC");
    String image = "ghcr.io/example/" + app + ":2026.11." + (k % 30);
    c.put("image", image);
    c.put("imagePullPolicy", "IfNotPresent");
    c.put("name", app);
    ObjectNode port = c.putArray("ports").addObject();
    port.put("containerPort", 8080);
    port.put("protocol", "TCP");
    spec.put("dnsPolicy", "ClusterFirst");
    spec.put("nodeName", node);
    spec.put("restartPolicy", "Always");
    spec.put("schedulerName", "default-scheduler");
    spec.put("serviceAccountName", "default");
    spec.put("terminationGracePeriodSeconds", 30);
    pod.set(
        "status",
        status(node, "100.64." + (k >> 8 & 0xFF) + "." + (k & 0xFF), created, true, app, image));
    return pod;
  }

  private ObjectNode revision(int number, String hash) {
    ObjectNode r = F.objectNode();
    r.put("apiVersion", "apps/v1");
    ObjectNode data = r.putObject("data");
    ObjectNode template = template();
    if (number == 1) {
      ((ObjectNode) template.get("spec").get("containers").get(0))
          .put("image", "quay.io/prometheus/node-exporter:v1.7.0");
    }
    template.put("$patch", "replace");
    data.putObject("spec").set("template", template);
    r.put("kind", "ControllerRevision");
    ObjectNode meta = r.putObject("metadata");
    meta.put("creationTimestamp", time(60L * 24 * 3600));
    ObjectNode labels = meta.putObject("labels");
    labels.put("app.kubernetes.io/name", NAME);
    labels.put("controller-revision-hash", hash);
    meta.put("name", NAME + "-" + hash);
    meta.put("namespace", NAMESPACE);
    owner(meta, "DaemonSet", NAME, DS_UID);
    meta.put("resourceVersion", Integer.toString(100_000_000 + random.nextInt(900_000_000)));
    meta.put("uid", uid());
    r.put("revision", number);
    return r;
  }

  // ---- variety ----

  /** The object as realistic output keeps it, or with {@link Options#variety()} reshaped. */
  private ObjectNode shape(ObjectNode object) {
    sort(object);
    if (!options.variety()) {
      return object;
    }
    vary(object, 0);
    if (random.nextInt(8) == 0) {
      // kind and apiVersion last, as a hand-written or re-serialised object may have them
      JsonNode kind = object.remove("kind");
      JsonNode apiVersion = object.remove("apiVersion");
      object.set("apiVersion", apiVersion);
      object.set("kind", kind);
    }
    ObjectNode meta = (ObjectNode) object.get("metadata");
    if (meta != null && random.nextInt(20) == 0) {
      meta.put("deletionTimestamp", time(300));
    }
    if (meta != null && random.nextInt(25) == 0) {
      JsonNode labels = meta.get("labels");
      (labels instanceof ObjectNode o ? o : meta.putObject("labels")).put("owner", "équipe-β");
    }
    if (meta != null && random.nextInt(25) == 0) {
      meta.putNull("labels");
    }
    if (random.nextInt(30) == 0) {
      object.put("someFutureField", random.nextInt(5));
    }
    if (object.path("kind").asText().equals("Pod") && object.has("status")) {
      ObjectNode status = (ObjectNode) object.get("status");
      switch (random.nextInt(20)) {
        case 0 -> status.put("phase", "Failed");
        case 1 -> status.put("phase", "Succeeded");
        case 2 -> ((ObjectNode) object.get("spec")).remove("nodeName");
        case 3 -> object.remove("status");
        case 4 -> status.putNull("conditions");
        default -> {}
      }
    }
    if (object.path("kind").asText().equals("Node") && random.nextInt(10) == 0) {
      ObjectNode spec = (ObjectNode) object.get("spec");
      ArrayNode taints = spec.withArray("taints");
      ObjectNode t = taints.addObject();
      t.put("key", "example.com/maintenance");
      t.putNull("value");
      t.put("effect", "NoExecute");
      t.put("timeAdded", time(600));
    }
    return object;
  }

  /** Sorts the keys of every map, as kubectl prints them. */
  private static void sort(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(o.properties());
      entries.sort(Map.Entry.comparingByKey());
      o.removeAll();
      entries.forEach(e -> o.set(e.getKey(), e.getValue()));
      entries.forEach(e -> sort(e.getValue()));
    } else if (node instanceof ArrayNode a) {
      a.forEach(ClusterDump::sort);
    }
  }

  /** Shuffles the keys of some maps at every level. */
  private void vary(JsonNode node, int depth) {
    if (node instanceof ObjectNode o) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      entries.addAll(o.properties());
      entries.forEach(e -> vary(e.getValue(), depth + 1));
      if (depth > 0 && random.nextInt(6) == 0) {
        Collections.shuffle(entries, random);
        List<Map.Entry<String, JsonNode>> copy = new ArrayList<>(entries);
        o.removeAll();
        copy.forEach(e -> o.set(e.getKey(), e.getValue()));
      }
    } else if (node instanceof ArrayNode a) {
      Iterator<JsonNode> it = a.elements();
      while (it.hasNext()) {
        vary(it.next(), depth + 1);
      }
    }
  }
}
