package org.marketlake.core.store;

import java.nio.file.Path;
import java.util.List;
import org.marketlake.core.Lake;
import org.marketlake.core.LakeFile;
import org.marketlake.core.WriteResult;
import org.marketlake.core.layout.LakeLayout;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.sql.LakeSql;

/** The lake over a folder. Reached through {@link Lake#open(Path)}. */
public final class LakeStore implements Lake {
    private final LakeLayout layout;

    private LakeStore(Path root) {
        this.layout = new LakeLayout(root);
    }

    public static Lake open(Path root) {
        return new LakeStore(root);
    }

    @Override
    public Path root() {
        return layout.root();
    }

    @Override
    public Path pathOf(DataKind kind, Symbol symbol, Period period) {
        return layout.path(kind, symbol, period);
    }

    @Override
    public WriteResult write(Frame frame) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public WriteResult writeLastWins(Frame frame) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Frame read(DataKind kind, Symbol symbol, TimeRange range, List<String> columns) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<LakeFile> files() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<LakeFile> files(DataKind kind, Symbol symbol) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<Symbol> symbols(DataKind kind) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<String> validate(List<Path> paths) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public LakeSql sql() {
        return LakeSql.overLake(layout.root());
    }
}
