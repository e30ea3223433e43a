package org.marketlake.cli.actions;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlake.cli.convert.SymbolConverter;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.core.csv.ActionFileReader;
import org.marketlake.core.model.ActionsWrite;
import org.marketlake.core.model.Symbol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "actions", mixinStandardHelpOptions = true,
        description = {"Store a symbol's corporate actions from a CSV or JSON-lines file in actions/SYMBOL.parquet (one commit).",
                "Columns: ex_date (YYYY-MM-DD), type (split|reverse_split|cash_dividend|stock_dividend), ratio (new shares per old)",
                "or cash_amount (per share), and optionally symbol and source. Same ex_date and type as a stored action: the file's wins."})
public final class IngestActionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", converter = SymbolConverter.class,
            description = "The symbol the actions are of.")
    Symbol symbol;

    @Parameters(paramLabel = "FILE", description = "CSV, or JSON lines (.jsonl or .json, one object per line).")
    Path file;

    @Override
    public Integer call() {
        ActionsWrite result = ActionFileReader.ingest(common.lakeToCreate(), symbol, file);
        ActionRows.printWrite(spec.commandLine().getOut(), common.root(), result);
        return 0;
    }
}
