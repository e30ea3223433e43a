package org.marketlake.cli.dataset;

import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.loader.load.ParquetDataLoader;
import org.marketlake.loader.dataset.LakeDatasetBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code marketlake dataset build}: the loader's month files ({root_dir}/{YYYY}/{MM}/...parquet and .json) from
 * the lake's bars and quotes of a symbol and timeframe.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Write the loader's layout from the lake (--root): ds and target_* from bars and quotes, feature groups from build.features.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    org.marketlake.cli.options.AdjustOption adjust;

    @Mixin
    DatasetOptions dataset;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (dataset.symbol == null || dataset.timeframe == null) {
            throw new InvalidRequestException("dataset build needs --symbol and --timeframe (for example --symbol EURUSD --timeframe 1m)");
        }
        // build writes the loader's files, so a root_dir that does not exist yet is created.
        ParquetDataLoader loader = ParquetDataLoader.of(org.marketlake.loader.config.ConfigLoader.load(dataset.config, true));
        int horizon = dataset.horizon != null ? dataset.horizon : loader.config().build().horizon();
        LakeDatasetBuilder.Result result = new LakeDatasetBuilder(loader.config(), common.lake(), adjust.adjustment())
                .build(dataset.symbol, dataset.timeframe, horizon, dataset.selection().withTimeframe(null).withSymbol(null).withHorizon(null));
        var print = spec.commandLine().getOut();
        for (LakeDatasetBuilder.Written file : result.files()) {
            print.printf("%s\trows=%d%n", file.parquet(), file.rows());
        }
        print.printf("built %d months of %s %s h%d, hash %s, in %s%n", result.files().size(), dataset.symbol, result.timeframe(),
                horizon, result.hash(), loader.config().dataPaths().rootDir());
        return 0;
    }
}
