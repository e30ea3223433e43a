package org.marketlake.core.actions;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.store.Lake;

/**
 * A view of a lake whose reads of bars come back adjusted (see {@link Adjustments#adjusting}); everything else,
 * writes included, is the lake's own. The view is a dynamic proxy of {@link Lake}, so it follows the interface as it grows.
 */
final class AdjustedLake implements InvocationHandler {
    private final Lake lake;
    private final Adjustment adjustment;
    private final Map<Symbol, AdjustmentFactors> factors = new ConcurrentHashMap<>();

    private AdjustedLake(Lake lake, Adjustment adjustment) {
        this.lake = lake;
        this.adjustment = adjustment;
    }

    static Lake of(Lake lake, Adjustment adjustment) {
        return (Lake) Proxy.newProxyInstance(Lake.class.getClassLoader(), new Class<?>[] {Lake.class}, new AdjustedLake(lake, adjustment));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("read") && args != null && args.length >= 4 && args[0] instanceof DataKind.Bars) {
            List<String> columns = args[3] == null ? List.of() : (List<String>) args[3];
            boolean addTimestamp = !columns.isEmpty() && !columns.contains(LakeSchema.TIMESTAMP_COLUMN);
            Object[] reading = args.clone();
            if (addTimestamp) {
                List<String> withTimestamp = new ArrayList<>(columns);
                withTimestamp.add(LakeSchema.TIMESTAMP_COLUMN);
                reading[3] = withTimestamp;
            }
            Frame frame = (Frame) call(method, reading);
            Frame adjusted = factors.computeIfAbsent(frame.symbol(), symbol -> Adjustments.factors(lake, symbol, adjustment)).apply(frame);
            return addTimestamp ? adjusted.project(columns) : adjusted;
        }
        if (method.getName().equals("toString") && args == null) {
            return lake + " adjusted " + adjustment.name().toLowerCase(java.util.Locale.ROOT);
        }
        return call(method, args);
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(lake, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
