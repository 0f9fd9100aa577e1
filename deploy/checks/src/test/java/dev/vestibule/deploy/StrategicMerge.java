package dev.vestibule.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of Kubernetes' strategic merge patch our overlays use: maps merge recursively, {@code null}
 * deletes a key, lists of named things (containers, env, volumes, ports, mounts, spread constraints) merge
 * item by item on their merge key, and every other list is replaced whole, as the API's patch strategy
 * says for it (Ingress rules and tls, HPA metrics, args). Inputs are not modified.
 */
final class StrategicMerge {

    /** Merge key per list field, as declared by the Kubernetes API types ("patchMergeKey"). */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "imagePullSecrets", "name",
            "topologySpreadConstraints", "topologyKey");

    private StrategicMerge() {}

    static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> merged = deepCopy(target);
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object patchValue = entry.getValue();
            Object targetValue = merged.get(key);
            if (patchValue == null) {
                merged.remove(key);
            } else if (targetValue instanceof Map<?, ?> targetMap && patchValue instanceof Map<?, ?> patchMap) {
                merged.put(key, apply(asMap(targetMap), asMap(patchMap)));
            } else if (targetValue instanceof List<?> targetList
                    && patchValue instanceof List<?> patchList
                    && mergeKey(key, targetList, patchList) != null) {
                merged.put(key, mergeLists(targetList, patchList, mergeKey(key, targetList, patchList)));
            } else {
                merged.put(key, deepCopyValue(patchValue));
            }
        }
        return merged;
    }

    /** Container ports merge on containerPort, Service ports on port: the field name alone cannot tell. */
    private static String mergeKey(String field, List<?> targetList, List<?> patchList) {
        if (field.equals("ports")) {
            boolean containerPorts =
                    targetList.stream().anyMatch(item -> item instanceof Map<?, ?> m && m.containsKey("containerPort"))
                            || patchList.stream()
                                    .anyMatch(item -> item instanceof Map<?, ?> m && m.containsKey("containerPort"));
            return containerPorts ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    private static List<Object> mergeLists(List<?> targetList, List<?> patchList, String mergeKey) {
        List<Object> merged = new ArrayList<>();
        targetList.forEach(item -> merged.add(deepCopyValue(item)));
        for (Object patchItem : patchList) {
            Map<String, Object> patchMap = asMap((Map<?, ?>) patchItem);
            Object key = patchMap.get(mergeKey);
            int index = indexOf(merged, mergeKey, key);
            if (index < 0) {
                merged.add(deepCopyValue(patchMap));
            } else {
                merged.set(index, apply(asMap((Map<?, ?>) merged.get(index)), patchMap));
            }
        }
        return merged;
    }

    private static int indexOf(List<Object> items, String mergeKey, Object key) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> item && key != null && key.equals(item.get(mergeKey))) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, deepCopyValue(value)));
        return copy;
    }

    private static Object deepCopyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepCopy(asMap(map));
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopyValue(item)));
            return copy;
        }
        return value;
    }
}
