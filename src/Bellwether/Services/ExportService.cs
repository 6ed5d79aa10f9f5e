using System.IO.Compression;
using System.Text;
using Bellwether.Core.Budget;
using Bellwether.Core.Plans;
using Bellwether.Export;
using Bellwether.Indicators;
using Bellwether.Queries;
using Bellwether.Storage;

namespace Bellwether.Services;

/// <summary>
/// The finance pack of <c>bellwether export</c> for the API, from the host's cached data, engine and fitted model: as a
/// workbook, or as a zip of one CSV per sheet. Text from the company's files is neutralised against formula injection
/// (CSV: <see cref="Core.Text.CsvText"/>; the workbook stores text as inline strings, never formulas).
/// </summary>
public sealed class ExportService(IStore store, IndicatorService indicators, ForecastService forecasts, MemoryBudget memory)
{
    public const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The pack's sheets; <paramref name="cancellation"/> stops the indicators and the forecast between periods and futures.</summary>
    public IReadOnlyList<Sheet> Sheets(string workspace, ExportRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = indicators.Data(workspace);
        var model = request.Forecast && data.Opportunities.Count > 0 ? forecasts.Model(workspace, request.AsOf, cancellation) : null;
        return FinancePack.Build(data, indicators.Engine(workspace).Within(memory.For(cancellation)), new FinancePack.Request
        {
            Period = request.Period,
            AsOf = request.AsOf,
            Model = model,
            Plans = new PlanBook(store.PlanChanges(workspace)).AsOf(request.AsOf),
            Source = $"{store.Description}, workspace {workspace}",
        });
    }

    public byte[] Workbook(string workspace, ExportRequest request, CancellationToken cancellation) => SheetXlsx.Bytes(Sheets(workspace, request, cancellation));

    /// <summary>One CSV per sheet (by_rep.csv, forecast.csv, …), zipped.</summary>
    public byte[] CsvZip(string workspace, ExportRequest request, CancellationToken cancellation)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var sheet in Sheets(workspace, request, cancellation))
            {
                using var writer = new StreamWriter(zip.CreateEntry(sheet.FileName).Open(), new UTF8Encoding(false));
                SheetCsv.Write(sheet, writer);
            }
        }

        return memory.ToArray();
    }
}
