namespace Bellwether.Import.Presets;

/// <summary>
/// The salesforce-opportunities preset: a built-in mapping of a Salesforce opportunities report exported as CSV, or a
/// Data Loader export of Opportunity (docs/presets.md#salesforce-opportunities).
/// </summary>
internal static class SalesforceOpportunitiesMapping
{
    public const string Name = "salesforce-opportunities";

    public const string Json = """
        {
          "description": "Salesforce: an Opportunities report exported as CSV (Details Only), or a Data Loader export of Opportunity. Owners become reps; accounts keep their industry.",
          "dates": ["M/d/yyyy", "M/d/yyyy h:mm tt"],
          "numbers": { "decimal": ".", "thousands": ",", "strip": ["$", "€", "£", "USD", "EUR", "GBP", "%"] },
          "files": {
            "reps.csv": {
              "source": "*.csv",
              "distinct": true,
              "columns": {
                "rep_id": { "from": ["Opportunity Owner", "Owner Name", "Owner ID", "OwnerId"], "default": "unassigned" },
                "name": { "from": ["Opportunity Owner", "Owner Name", "Owner ID", "OwnerId"], "default": "unassigned" }
              }
            },
            "accounts.csv": {
              "source": "*.csv",
              "distinct": true,
              "columns": {
                "account_id": { "from": ["Account ID", "AccountId", "Account Name"], "default": "unassigned" },
                "name": { "from": ["Account Name", "Account ID", "AccountId"], "default": "unassigned" },
                "vertical": { "from": ["Industry", "Account Industry"], "optional": true }
              }
            },
            "opportunities.csv": {
              "source": "*.csv",
              "columns": {
                "opportunity_id": { "from": ["Opportunity ID", "Id"] },
                "account_id": { "from": ["Account ID", "AccountId", "Account Name"], "default": "unassigned" },
                "owner_rep_id": { "from": ["Opportunity Owner", "Owner Name", "Owner ID", "OwnerId"], "default": "unassigned" },
                "service_line": { "from": ["Product Family", "Opportunity Record Type", "RecordTypeId"], "optional": true, "default": "unknown" },
                "type": {
                  "from": ["Type"],
                  "optional": true,
                  "values": {
                    "New Customer": "new_business", "New Business": "new_business",
                    "Existing Customer - Upgrade": "expansion", "Existing Business": "expansion", "Upsell": "expansion", "Expansion": "expansion",
                    "Existing Customer - Replacement": "renewal", "Existing Customer - Downgrade": "renewal", "Renewal": "renewal"
                  }
                },
                "amount": { "from": ["Amount", "Amount (converted)"], "default": "0" },
                "created_at": { "from": ["Created Date", "CreatedDate"] },
                "stage": { "from": ["Stage", "StageName"] },
                "status": {
                  "from": ["Stage", "StageName"],
                  "values": { "Closed Won": "won", "Closed Lost": "lost" },
                  "otherwise": "open"
                },
                "closed_at": { "from": ["Close Date", "CloseDate"], "when": { "status": ["won", "lost"] } },
                "expected_close_date": { "from": ["Close Date", "CloseDate"], "when": { "status": "open" } },
                "lost_reason": { "from": ["Loss Reason", "Closed Lost Reason", "Reason Lost"], "optional": true },
                "probability": { "from": ["Probability (%)", "Probability"], "optional": true, "multiply": 0.01 },
                "forecast_category": {
                  "from": ["Forecast Category", "ForecastCategoryName", "ForecastCategory"],
                  "optional": true,
                  "values": { "Best Case": "best_case", "BestCase": "best_case", "Omitted": "omitted", "Omit": "omitted" }
                }
              },
              "attributes": ["*"]
            }
          }
        }
        """;
}
