package dev.guidegen.render;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.StringModel;
import freemarker.template.DefaultListAdapter;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FreeMarker's default object wrapper, with the values of the view wrapped the way it wraps them
 * but without its search for what each value is, and with each accessor it calls made accessible
 * once.
 *
 * <p>For every value a template reads, the default wrapper asks in turn whether it is a template
 * model, a number, a date, a collection, a map, an iterator and so on, each a test against an
 * interface that the JVM answers by walking the class's list of interfaces; a view record fails
 * all of them, and is then looked up by name in the wrapper's caches. This wrapper decides once
 * per class what the default wrapper would make of it: a string, a boolean, an integer or a long
 * becomes the same simple model as before, a list the same adapter, and a record that is nothing
 * else the same bean model, whose components are read straight from their accessors. Every other
 * key of a record (its {@code toString()}, a component called as a method, {@code ?keys}) and
 * every other class goes to the default wrapper, so templates see exactly what they saw before.
 *
 * <p>A plain {@link Method#invoke} walks the stack to find its caller on every call, and a build
 * makes millions of such calls, one for each value a template reads from a record of the view;
 * every accessor is opened before it is called.
 */
final class OpenWrapper extends DefaultObjectWrapper {

    private static final java.util.regex.Pattern BEAN_READ_METHOD = java.util.regex.Pattern.compile("(get|is)\\p{Lu}.*");

    private final Set<Method> opened = ConcurrentHashMap.newKeySet();

    /** What the default wrapper makes of each class's objects, decided on first sight. */
    private final ClassValue<Kind> kinds = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            return kindOf(type);
        }
    };

    private OpenWrapper(freemarker.template.Version incompatibleImprovements) {
        super(incompatibleImprovements);
    }

    /** A wrapper whose settings can no longer change, to be shared by every configuration. */
    static OpenWrapper shared(freemarker.template.Version incompatibleImprovements) {
        OpenWrapper wrapper = new OpenWrapper(incompatibleImprovements);
        wrapper.writeProtect();
        return wrapper;
    }

    @Override
    public TemplateModel wrap(Object object) throws TemplateModelException {
        if (object instanceof String text) {
            return new SimpleScalar(text);
        }
        if (object == null) {
            return super.wrap(null);
        }
        Kind kind = kinds.get(object.getClass());
        if (kind == Kind.Simple.BOOLEAN) {
            return (Boolean) object ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
        }
        if (kind == Kind.Simple.NUMBER) {
            return new SimpleNumber((Number) object);
        }
        if (kind == Kind.Simple.LIST) {
            return DefaultListAdapter.adapt((List<?>) object, this);
        }
        if (kind instanceof Kind.Record record) {
            return new RecordModel(object, this, record.accessors());
        }
        return super.wrap(object);
    }

    /**
     * The kind of a class's objects, which is {@link Kind#OTHER} wherever the default wrapper's
     * answer could depend on more than the tests below: a class that is a template model, or a
     * record that is also a collection, a map, an iterator or an XML node.
     */
    private Kind kindOf(Class<?> type) {
        if (TemplateModel.class.isAssignableFrom(type)) {
            return Kind.Simple.OTHER;
        }
        if (type == Boolean.class) {
            return Kind.Simple.BOOLEAN;
        }
        if (type == Integer.class || type == Long.class) {
            return Kind.Simple.NUMBER;
        }
        if (List.class.isAssignableFrom(type)) {
            return getUseAdaptersForContainers() ? Kind.Simple.LIST : Kind.Simple.OTHER;
        }
        // the tests of the default wrapper and of its model cache that a record could pass
        if (!type.isRecord() || Iterable.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || java.util.Iterator.class.isAssignableFrom(type) || java.util.Enumeration.class.isAssignableFrom(type)
                || org.w3c.dom.Node.class.isAssignableFrom(type)
                || freemarker.template.TemplateModelAdapter.class.isAssignableFrom(type)
                || !java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
            return Kind.Simple.OTHER;
        }
        Map<String, Method> accessors = new HashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            // A component named like a bean's read method ("getTitle") is shown by the default
            // wrapper as a method, not a value, and one that is not public not at all: both are
            // left to it. The pattern is JavaBeans' rule for the usual names only: a component
            // such as "getx" or "is_open" would be read here as a value. No view record has one.
            if (java.lang.reflect.Modifier.isPublic(accessor.getModifiers())
                    && !BEAN_READ_METHOD.matcher(component.getName()).matches()) {
                open(accessor);
                accessors.put(component.getName(), accessor);
            }
        }
        return new Kind.Record(Map.copyOf(accessors));
    }

    @Override
    protected TemplateModel invokeMethod(Object object, Method method, Object[] args)
            throws InvocationTargetException, IllegalAccessException, TemplateModelException {
        open(method);
        return super.invokeMethod(object, method, args);
    }

    private void open(Method method) {
        // Asked first: adding takes the lock of the method's bin in the set, on every call, from every thread.
        if (!opened.contains(method) && opened.add(method)) {
            try {
                method.setAccessible(true);
            } catch (RuntimeException e) {
                // a method that cannot be opened (of a class another module keeps closed) is called as before
            }
        }
    }

    /** What the default wrapper makes of a class's objects. */
    private sealed interface Kind {
        /** A kind the wrapper makes its model of without looking at the class again. */
        enum Simple implements Kind {
            BOOLEAN, NUMBER, LIST, OTHER
        }

        /** A plain record, and the accessors of its components by name. */
        record Record(Map<String, Method> accessors) implements Kind {
        }
    }

    /**
     * The default wrapper's model of a plain record, the one it makes for any object it does not
     * know, which reads a component without looking it up among the class's members.
     */
    private static final class RecordModel extends StringModel implements MethodCallAwareTemplateHashModel {
        private final Map<String, Method> accessors;

        RecordModel(Object record, BeansWrapper wrapper, Map<String, Method> accessors) {
            super(record, wrapper);
            this.accessors = accessors;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            Method accessor = accessors.get(key);
            if (accessor == null) {
                return super.get(key);
            }
            try {
                return wrap(accessor.invoke(object));
            } catch (IllegalAccessException | InvocationTargetException e) {
                return super.get(key);
            }
        }

        /** The bean model's own answer, made public as the interface wants: {@code role.title()} goes this way. */
        @Override
        public TemplateModel getBeforeMethodCall(String key)
                throws TemplateModelException, ShouldNotBeGetAsMethodException {
            return super.getBeforeMethodCall(key);
        }
    }
}
