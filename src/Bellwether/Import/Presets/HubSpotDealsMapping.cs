namespace Bellwether.Import.Presets;

/// <summary>The hubspot-deals preset: a built-in mapping of HubSpot's "Export deals" CSV (docs/presets.md#hubspot-deals).</summary>
internal static class HubSpotDealsMapping
{
    public const string Name = "hubspot-deals";

    public const string Json = """
        {
          "description": "HubSpot CRM: Deals > Export (CSV). Deal owners become reps; associated companies become accounts.",
          "numbers": { "decimal": ".", "thousands": ",", "strip": ["$", "€", "£", "USD", "EUR", "GBP"] },
          "files": {
            "reps.csv": {
              "source": "*.csv",
              "distinct": true,
              "columns": {
                "rep_id": { "from": ["Deal owner", "Owner"], "default": "unassigned" },
                "name": { "from": ["Deal owner", "Owner"], "default": "unassigned" }
              }
            },
            "accounts.csv": {
              "source": "*.csv",
              "distinct": true,
              "columns": {
                "account_id": { "from": ["Associated Company", "Company name", "Associated Company IDs"], "default": "unassigned" },
                "name": { "from": ["Associated Company", "Company name", "Associated Company IDs"], "default": "unassigned" },
                "vertical": { "from": ["Industry", "Company Industry"], "optional": true }
              }
            },
            "opportunities.csv": {
              "source": "*.csv",
              "columns": {
                "opportunity_id": { "from": ["Record ID", "Deal ID"] },
                "account_id": { "from": ["Associated Company", "Company name", "Associated Company IDs"], "default": "unassigned" },
                "owner_rep_id": { "from": ["Deal owner", "Owner"], "default": "unassigned" },
                "service_line": { "from": ["Pipeline"], "default": "unknown" },
                "type": {
                  "from": ["Deal Type"],
                  "optional": true,
                  "values": {
                    "New Business": "new_business", "newbusiness": "new_business",
                    "Existing Business": "expansion", "existingbusiness": "expansion",
                    "Renewal": "renewal", "Expansion": "expansion", "Upsell": "expansion"
                  }
                },
                "amount": { "from": ["Amount", "Amount in company currency"], "default": "0" },
                "created_at": { "from": ["Create Date", "Created Date"] },
                "stage": { "from": ["Deal Stage"] },
                "status": {
                  "from": ["Deal Stage"],
                  "values": { "Closed Won": "won", "closedwon": "won", "Closed Lost": "lost", "closedlost": "lost" },
                  "otherwise": "open"
                },
                "closed_at": { "from": ["Close Date"], "when": { "status": ["won", "lost"] } },
                "expected_close_date": { "from": ["Close Date"], "when": { "status": "open" } },
                "lost_reason": { "from": ["Closed Lost Reason"], "optional": true },
                "probability": { "from": ["Deal probability"], "optional": true },
                "forecast_category": {
                  "from": ["Forecast category"],
                  "optional": true,
                  "values": {
                    "Pipeline": "pipeline", "Best case": "best_case", "Commit": "commit",
                    "Closed won": "closed", "Closed": "closed", "Not forecasted": "omitted", "Omit": "omitted", "Omitted": "omitted"
                  }
                }
              },
              "attributes": ["*"]
            }
          }
        }
        """;
}
