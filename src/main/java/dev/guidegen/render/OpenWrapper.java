package dev.guidegen.render;

import freemarker.template.DefaultObjectWrapper;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FreeMarker's default object wrapper, with each accessor it calls made accessible once: a plain
 * {@link Method#invoke} walks the stack to find its caller on every call, and a build makes
 * millions of such calls, one for each value a template reads from a record of the view.
 */
final class OpenWrapper extends DefaultObjectWrapper {

    private final Set<Method> opened = ConcurrentHashMap.newKeySet();

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
    protected TemplateModel invokeMethod(Object object, Method method, Object[] args)
            throws InvocationTargetException, IllegalAccessException, TemplateModelException {
        // Asked first: adding takes the lock of the method's bin in the set, on every call, from every thread.
        if (!opened.contains(method) && opened.add(method)) {
            try {
                method.setAccessible(true);
            } catch (RuntimeException e) {
                // a method that cannot be opened (of a class another module keeps closed) is called as before
            }
        }
        return super.invokeMethod(object, method, args);
    }
}
