package org.glossa.content.internal;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML as course files need it: every scalar is text (YAML 1.1's {@code yes}, {@code on} and
 * {@code 2021-01-01} stay words), repeated keys keep the last value with a warning, and syntax errors
 * are 422 problems naming the file and line.
 */
final class TextYaml {

    private TextYaml() {
    }

    static Map<?, ?> load(String path, String content) {
        return load(path, content, new java.util.ArrayList<>());
    }

    static Map<?, ?> load(String path, String content, List<String> warnings) {
        Yaml yaml = yaml();
        try {
            Node node = yaml.compose(new StringReader(content));
            if (node != null) {
                reportDuplicateKeys(path, node, warnings);
            }
            Object loaded = yaml.load(content);
            if (loaded != null && !(loaded instanceof Map)) {
                throw CourseFiles.unprocessable(path + " is not a YAML mapping.", path, 1);
            }
            return loaded == null ? Map.of() : (Map<?, ?>) loaded;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw CourseFiles.unprocessable(path + " is not valid YAML (line " + line + "): " + e.getProblem(), path, line);
        } catch (YAMLException e) {
            throw CourseFiles.unprocessable(path + " is not valid YAML.", path, null);
        }
    }

    private static void reportDuplicateKeys(String path, Node node, List<String> warnings) {
        if (node instanceof MappingNode mapping) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && !seen.add(key.getValue())) {
                    warnings.add(path + " line " + (key.getStartMark().getLine() + 1) + ": the key '" + key.getValue()
                            + "' is repeated; the last value is used");
                }
                reportDuplicateKeys(path, tuple.getValueNode(), warnings);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(child -> reportDuplicateKeys(path, child, warnings));
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(10 * 1024 * 1024);
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, EMPTY, null);
            }
        };
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, textOnly);
    }
}
