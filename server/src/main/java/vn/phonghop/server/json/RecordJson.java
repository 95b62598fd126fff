package vn.phonghop.server.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the domain's records to JSON and back, so the wire and the store speak the domain's own
 * vocabulary without annotations in it. A member of a sealed interface is written with a
 * {@code "type"} field holding its simple name. Reading is strict: an unknown type, a missing or
 * mistyped field, or an unknown field is a {@link JsonMappingException} naming the path.
 */
public final class RecordJson {
    private static final Map<Class<?>, Map<String, Class<?>>> SUBTYPES = new ConcurrentHashMap<>();

    private RecordJson() {
    }

    // ---- writing ----------------------------------------------------------------------------

    /** Writes a record, or a member of a sealed interface of records (the domain's commands, events, choices). */
    public static JsonObject toJson(Object value) {
        if (!(value instanceof Record r)) throw new IllegalArgumentException("not a record: " + value);
        var out = new JsonObject();
        Shape shape = SHAPES.get(r.getClass());
        if (shape.typeName() != null) out.put("type", shape.typeName());
        for (Component c : shape.components()) {
            Object v = c.get(r);
            if (v != null) out.put(c.name(), write(v));
        }
        return out;
    }

    /**
     * What writing a record class needs, looked up once per class: its "type" name (a member of a
     * sealed interface) and its components' accessors. ({@code getRecordComponents} and
     * {@code isSealed} copy arrays and accessors on every call: projecting a congress's polls for
     * every group commit allocated ~90 MB/s of them.)
     */
    private record Shape(String typeName, Component[] components) { }

    private record Component(String name, java.lang.reflect.Method accessor) {
        Object get(Record r) {
            try {
                return accessor.invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] comps = type.getRecordComponents();
            var components = new Component[comps.length];
            for (int i = 0; i < comps.length; i++) {
                var m = comps[i].getAccessor();
                m.setAccessible(true);
                components[i] = new Component(comps[i].getName(), m);
            }
            return new Shape(sealedParent(type) != null ? type.getSimpleName() : null, components);
        }
    };

    private static Object write(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) return v;
        if (v instanceof Enum<?> e) return e.name();
        if (v instanceof Instant || v instanceof LocalDate) return v.toString();
        if (v instanceof Record r) return toJson(r);
        if (v instanceof Set<?> set && set.stream().allMatch(o -> o instanceof Comparable)) {
            // sets are written sorted, so that equal values always have equal text
            var arr = new JsonArray();
            new java.util.TreeSet<Object>(set).forEach(o -> arr.add(write(o)));
            return arr;
        }
        if (v instanceof Iterable<?> it) {
            var arr = new JsonArray();
            for (Object o : it) arr.add(write(o));
            return arr;
        }
        if (v instanceof Map<?, ?> m) {
            var obj = new JsonObject();
            m.forEach((k, val) -> obj.put(String.valueOf(k instanceof Enum<?> e ? e.name() : k), write(val)));
            return obj;
        }
        throw new IllegalArgumentException("cannot write " + v.getClass());
    }

    // ---- reading ----------------------------------------------------------------------------

    /** Reads a member of a sealed interface (by its "type") or a plain record. */
    public static <T> T fromJson(JsonObject json, Class<T> type) {
        return type.cast(read(json, type, new Where(null, type.getSimpleName(), -1)));
    }

    /** The permitted record of a sealed interface with this simple name, if any. */
    public static Class<?> subtype(Class<?> sealed, String name) {
        return subtypes(sealed).get(name);
    }

    private static Object read(Object json, Type type, Where path) {
        Class<?> raw = rawClass(type);
        if (json == null) {
            if (raw.isPrimitive()) throw new JsonMappingException(path + " is required");
            return null;
        }
        if (raw == String.class) return expect(json, String.class, path);
        if (raw == int.class || raw == Integer.class) return integer(json, path, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
        if (raw == long.class || raw == Long.class) return integer(json, path, Long.MIN_VALUE, Long.MAX_VALUE);
        if (raw == boolean.class || raw == Boolean.class) return expect(json, Boolean.class, path);
        if (raw.isEnum()) return enumValue(raw, expect(json, String.class, path), path);
        if (raw == Instant.class) return parse(() -> Instant.parse(expect(json, String.class, path)), path);
        if (raw == LocalDate.class) return parse(() -> LocalDate.parse(expect(json, String.class, path)), path);
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            var arr = expect(json, JsonArray.class, path);
            Type element = typeArgument(type, 0);
            var out = new ArrayList<>(arr.size());
            for (int i = 0; i < arr.size(); i++) out.add(read(arr.getValue(i), element, new Where(path, null, i)));
            return Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>(out) : out;
        }
        if (Map.class.isAssignableFrom(raw)) {
            var obj = expect(json, JsonObject.class, path);
            Class<?> keyType = rawClass(typeArgument(type, 0));
            Type valueType = typeArgument(type, 1);
            var out = new LinkedHashMap<Object, Object>();
            for (String k : obj.fieldNames()) {
                Object key = keyType.isEnum() ? enumValue(keyType, k, path) : k;
                out.put(key, read(obj.getValue(k), valueType, new Where(path, k, -1)));
            }
            return out;
        }
        var obj = expect(json, JsonObject.class, path);
        if (SEALED.get(raw)) {
            String name = obj.getValue("type") instanceof String s ? s : null;
            Class<?> sub = name == null ? null : subtypes(raw).get(name);
            if (sub == null) throw new JsonMappingException(path + ": unknown type " + name);
            return readRecord(obj, sub, path);
        }
        if (raw.isRecord()) return readRecord(obj, raw, path);
        throw new JsonMappingException(path + ": cannot read " + raw.getSimpleName());
    }

    private static Object readRecord(JsonObject obj, Class<?> type, Where path) {
        Reading shape = READINGS.get(type);
        Object[] args = new Object[shape.names().length];
        for (int i = 0; i < args.length; i++) {
            String name = shape.names()[i];
            args[i] = read(obj.getValue(name), shape.types()[i], new Where(path, name, -1));
        }
        for (String f : obj.fieldNames()) {
            if (!shape.known().contains(f)) throw new JsonMappingException(path + ": unknown field " + f);
        }
        try {
            return shape.constructor().newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            // a record's own validation (null checks, ranges) refused the values
            throw new JsonMappingException(path + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What reading a record class needs, looked up once per class: its components' names and
     * declared types, the fields it accepts (its components and "type") and its canonical
     * constructor. ({@code getRecordComponents}, {@code isSealed} and {@code getEnumConstants} copy
     * arrays on every call: reading one command cost ~3 KB and ~5 µs with them.)
     */
    private record Reading(String[] names, Type[] types, Set<String> known, Constructor<?> constructor) { }

    private static final ClassValue<Reading> READINGS = new ClassValue<>() {
        @Override
        protected Reading computeValue(Class<?> type) {
            RecordComponent[] comps = type.getRecordComponents();
            var names = new String[comps.length];
            var types = new Type[comps.length];
            var raw = new Class<?>[comps.length];
            var known = new java.util.HashSet<String>();
            known.add("type");
            for (int i = 0; i < comps.length; i++) {
                names[i] = comps[i].getName();
                types[i] = comps[i].getGenericType();
                raw[i] = comps[i].getType();
                known.add(names[i]);
            }
            try {
                var c = type.getDeclaredConstructor(raw);
                c.setAccessible(true);
                return new Reading(names, types, Set.copyOf(known), c);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    private static final ClassValue<Boolean> SEALED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isSealed();
        }
    };

    /** An enum's constants by name. */
    private static final ClassValue<Map<String, Object>> ENUMS = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            var m = new java.util.HashMap<String, Object>();
            for (Object c : type.getEnumConstants()) m.put(((Enum<?>) c).name(), c);
            return Map.copyOf(m);
        }
    };

    /** A parameterized type's arguments ({@code getActualTypeArguments} copies them on every call). */
    private static final Map<ParameterizedType, Type[]> TYPE_ARGUMENTS = new ConcurrentHashMap<>();

    /**
     * Where a value is in the document being read ({@code MeetingCommand.choice.approved[1]}), for the errors'
     * messages: built as text only when one is thrown.
     */
    private record Where(Where parent, String name, int index) {
        @Override
        public String toString() {
            if (parent == null) return name;
            return name != null ? parent + "." + name : parent + "[" + index + "]";
        }
    }

    private static Map<String, Class<?>> subtypes(Class<?> sealed) {
        return SUBTYPES.computeIfAbsent(sealed, s -> {
            var m = new LinkedHashMap<String, Class<?>>();
            for (Class<?> p : s.getPermittedSubclasses()) m.put(p.getSimpleName(), p);
            return m;
        });
    }

    private static Class<?> sealedParent(Class<?> c) {
        for (Class<?> i : c.getInterfaces()) if (i.isSealed()) return i;
        return null;
    }

    private static <T> T expect(Object json, Class<T> type, Where path) {
        if (!type.isInstance(json)) {
            throw new JsonMappingException(path + " must be " + type.getSimpleName().replace("Json", "").toLowerCase());
        }
        return type.cast(json);
    }

    private static Long integer(Object json, Where path, long min, long max) {
        if (!(json instanceof Integer || json instanceof Long || json instanceof Short || json instanceof Byte)) {
            throw new JsonMappingException(path + " must be an integer");
        }
        long v = ((Number) json).longValue();
        if (v < min || v > max) throw new JsonMappingException(path + " is out of range");
        return v;
    }

    private static Object enumValue(Class<?> type, String name, Where path) {
        Object c = ENUMS.get(type).get(name);
        if (c != null) return c;
        throw new JsonMappingException(path + ": unknown value " + name);
    }

    private static Object parse(java.util.function.Supplier<Object> p, Where path) {
        try {
            return p.get();
        } catch (DateTimeParseException e) {
            throw new JsonMappingException(path + " is not a valid date or time");
        }
    }

    private static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        throw new IllegalArgumentException("unsupported type " + t);
    }

    private static Type typeArgument(Type t, int i) {
        if (t instanceof ParameterizedType p) return TYPE_ARGUMENTS.computeIfAbsent(p, ParameterizedType::getActualTypeArguments)[i];
        throw new JsonMappingException("raw collection type " + t);
    }
}
