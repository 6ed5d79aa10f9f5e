// Saves a file the server streams to the browser (a DotNetStreamReference, so never one SignalR message) under a name:
// a chart's PNG, a table's CSV or Excel workbook.
export async function save(fileName, streamReference, type) {
  const buffer = await streamReference.arrayBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
