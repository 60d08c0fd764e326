package dev.daemonset.core.lint;

import dev.daemonset.api.Severity;
import dev.daemonset.api.lint.Finding;
import dev.daemonset.api.lint.PolicyInput;
import dev.daemonset.api.lint.RuleInfo;
import dev.daemonset.api.lint.RuleParameter;
import dev.daemonset.core.internal.image.ImageReference;
import java.util.ArrayList;
import java.util.List;

/** Images that float ({@code :latest} or no tag): every node may run a different build. */
final class ImageTagPolicy extends BuiltinPolicy {

  ImageTagPolicy() {
    super(
        new RuleInfo(
                "image-tag-latest",
                "Image tag is latest or missing",
                "A container image has the `latest` tag or no tag and no digest. A DaemonSet starts pods on"
                    + " nodes at different times (new nodes, evictions, rollouts), so each node pulls whatever"
                    + " `latest` is at that moment: nodes drift apart and a rollback cannot return to the old build.",
                "Pin the image to a version tag (`image: my-agent:1.4.2`) or, better, a digest"
                    + " (`@sha256:...`). A placeholder that kustomize's `images:` transformer (or a"
                    + " similar step) replaces before deployment goes in `ignoreImages`.",
                Severity.WARNING)
            .withParameters(
                List.of(
                    RuleParameter.list(
                        "ignoreImages",
                        "",
                        "Images that a build step replaces before deployment (kustomize `images:`,"
                            + " `sed` placeholders): a name (`controller`) or a name with its tag"
                            + " (`controller:latest`); they are not reported."))),
        "kube-linter `latest-tag`, Polaris `tagNotSpecified`, kube-score `container-image-tag`");
  }

  @Override
  public List<Finding> check(PolicyInput input) {
    List<Finding> findings = new ArrayList<>();
    List<String> ignored = input.parameters().list("ignoreImages");
    for (Containers c : Containers.all(input.daemonSet().spec().template().spec())) {
      String image = c.container().image();
      if (image.contains("@") || ImageReference.parse(image).isEmpty()) {
        continue; // pinned by digest, or not an image reference the kubelet could pull at all
      }
      if (ignored.contains(image) || ignored.contains(repository(image))) {
        continue; // a placeholder that a build step replaces
      }
      String tag = tagOf(image);
      if (tag.isEmpty()) {
        findings.add(
            Finding.at(
                c.path() + ".image",
                "image `"
                    + image
                    + "` has no tag, so it means `latest`: nodes that pull it at different times can run different builds; pin a version or digest"));
      } else if (tag.equals("latest")) {
        findings.add(
            Finding.at(
                c.path() + ".image",
                "image `"
                    + image
                    + "` uses the `latest` tag: nodes that pull it at different times can run different builds; pin a version or digest"));
      }
    }
    return findings;
  }

  /** The image without its tag: {@code registry:5000/agent:1.0} → {@code registry:5000/agent}. */
  static String repository(String image) {
    String tag = tagOf(image);
    return tag.isEmpty() ? image : image.substring(0, image.length() - tag.length() - 1);
  }

  /** The tag of an image reference ("" if none, or if it is not a reference). */
  static String tagOf(String image) {
    return ImageReference.parse(image).map(ImageReference::tag).orElse("");
  }
}
