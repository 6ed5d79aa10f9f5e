using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Import;

/// <summary>Every validation rule of data-format.md "Bad input", each with the exact error line it must produce.</summary>
public sealed class ImportValidationTests
{
    private const string OppHeader = "opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at";

    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "opportunities.csv",
            "opportunity_id,account_id,owner_rep_id,service_line,type,created_at,stage,status,closed_at\nO1,A1,R1,Consulting,new_business,2025-01-10,Won,won,2025-02-15",
            "opportunities.csv:1 amount: is a required column and is missing"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,,2025-01-10,Won,won,2025-02-15",
            "opportunities.csv:2 amount: \"\" is required"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,\"1,000\",2025-01-10,Won,won,2025-02-15",
            "opportunities.csv:2 amount: \"1,000\" is not a number (use . as the decimal point, no thousands separator or currency symbol)"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,$1000,2025-01-10,Won,won,2025-02-15",
            "opportunities.csv:2 amount: \"$1000\" is not a number (use . as the decimal point, no thousands separator or currency symbol)"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,-5,2025-01-10,Won,won,2025-02-15",
            "opportunities.csv:2 amount: \"-5\" is negative"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-13-01",
            "opportunities.csv:2 closed_at: \"2025-13-01\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,pending,2025-02-15",
            "opportunities.csv:2 status: \"pending\" is not one of open, won, lost"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,upsell,1000,2025-01-10,Won,won,2025-02-15",
            "opportunities.csv:2 type: \"upsell\" is not one of new_business, expansion, renewal"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1000,2025-02-01,Won,won,2025-01-01",
            "opportunities.csv:2 closed_at: \"2025-01-01\" is before created_at 2025-02-01T00:00:00Z"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,",
            "opportunities.csv:2 closed_at: \"\" is required when status is won"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1000,2025-01-10,Proposal,open,2025-02-01",
            "opportunities.csv:2 closed_at: \"2025-02-01\" must be empty when status is open"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15\nO1,A2,R2,Training,expansion,2500,2025-01-12,Proposal,open,",
            "opportunities.csv:3 opportunity_id: \"O1\" duplicates line 2"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R9,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15",
            "opportunities.csv:2 owner_rep_id: \"R9\" is not in reps.csv or the store"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A9,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15",
            "opportunities.csv:2 account_id: \"A9\" is not in accounts.csv or the store"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won",
            "opportunities.csv:2: has 9 fields; the header has 10"
        },
        {
            "opportunity_history.csv",
            "opportunity_id,changed_at,stage,status,amount\nO9,2025-01-10,Proposal,open,1000",
            "opportunity_history.csv:2 opportunity_id: \"O9\" is not in opportunities.csv or the store"
        },
        {
            "quotas.csv",
            "rep_id,period,amount\nR1,2025-Q5,10000",
            "quotas.csv:2 period: \"2025-Q5\" is not a period: a quarter is Q1 to Q4"
        },
        {
            "quotas.csv",
            "rep_id,period,amount\nR1,Q1 2025,10000",
            "quotas.csv:2 period: \"Q1 2025\" is not a period (expected 2025-03-31, 2025-W14, 2025-03, 2025-Q1 or 2025)"
        },
        {
            "quotas.csv",
            "rep_id,period,amount\nR1,2025-Q1,10000\nR1,2025-q1,12000",
            "quotas.csv:3 rep_id, period, metric: \"R1, 2025-Q1, bookings\" duplicates line 2"
        },
        {
            "reps.csv",
            "rep_id,name,manager_id,start_date,end_date\nR1,Rita,,2024-01-15,2023-12-31\nR2,Raj,M9,2024-03-01,\nM1,Maria,,2023-01-01,",
            "reps.csv:2 end_date: \"2023-12-31\" is before start_date 2024-01-15"
        },
        {
            "reps.csv",
            "rep_id,name,manager_id\nR1,Rita,\nR2,Raj,M9\nM1,Maria,",
            "reps.csv:3 manager_id: \"M9\" is not in reps.csv or the store"
        },
        {
            "reps.csv",
            "rep_id,name,role\nR1,Rita,ae\nR2,Raj,closer\nM1,Maria,manager",
            "reps.csv:3 role: \"closer\" is not one of ae, sdr, am, manager"
        },
        {
            "activities.csv",
            "activity_id,rep_id,type,occurred_at,opportunity_id\nX1,R1,call,2025-01-10T09:00:00Z,O7",
            "activities.csv:2 opportunity_id: \"O7\" is not in opportunities.csv or the store"
        },
        {
            "activities.csv",
            "activity_id,rep_id,type,occurred_at,duration_minutes\nX1,R1,call,2025-01-10T09:00:00Z,2.5",
            "activities.csv:2 duration_minutes: \"2.5\" is not a whole number"
        },
        {
            "stages.csv",
            "stage,order,probability\nProposal,1,1.5",
            "stages.csv:2 probability: \"1.5\" is not a probability between 0 and 1"
        },
        {
            "revenue.csv",
            "account_id,month,service_line,revenue\nA1,2025-1,Consulting,100",
            "revenue.csv:2 month: \"2025-1\" is not a month (expected 2025-03)"
        },
        {
            "plans.csv",
            "pillar,metric,period,target,owner,slice\nnew_business,bookings,2025-Q1,100000,President,region=east",
            "plans.csv:2 slice: \"region=east\" is not a slice: \"region\" is not a dimension (rep, team, manager, rep_region, account, vertical, account_region, service_line, type, source, channel, activity_type)"
        },
        {
            "standards.csv",
            "role,type,per,minimum\nae,call,day,10\nR7,email,week,20",
            "standards.csv:3 role: \"R7\" is not in reps.csv or the store"
        },

        // A header naming a column twice: which value a row means is unknown.
        {
            "opportunities.csv",
            $"{OppHeader},amount\nO1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15,1000",
            "opportunities.csv:1 amount: appears twice in the header"
        },
        {
            "reps.csv",
            "rep_id,name,Name\nM1,Maria,Maria\nR1,Rita,Rita\nR2,Raj,Raj",
            "reps.csv:1 Name: appears twice in the header"
        },

        // Required columns and values of the other files.
        {
            "leads.csv",
            "lead_id,created_at\nL1,2025-01-05",
            "leads.csv:1 source: is a required column and is missing"
        },
        {
            "reps.csv",
            "rep_id,name\nM1,Maria\nR1,\nR2,Raj",
            "reps.csv:3 name: \"\" is required"
        },
        {
            "plans.csv",
            "pillar,metric,period,target,owner\nnew_business,bookings,2025-Q1,100000,",
            "plans.csv:2 owner: \"\" is required"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1000,2025-01-10,Lost,lost,",
            "opportunities.csv:2 closed_at: \"\" is required when status is lost"
        },

        // Dates, months and periods: a date-only column takes no time of day.
        {
            "opportunities.csv",
            "opportunity_id,account_id,owner_rep_id,service_line,amount,created_at,expected_close_date,stage,status,closed_at\nO1,A1,R1,Consulting,1000,2025-01-10,2025-03-31T14:05:00Z,Proposal,open,",
            "opportunities.csv:2 expected_close_date: \"2025-03-31T14:05:00Z\" is not a date (expected 2025-03-31)"
        },
        {
            "reps.csv",
            "rep_id,name,start_date\nM1,Maria,2023-01-01\nR1,Rita,2024-01-15T09:00:00Z\nR2,Raj,",
            "reps.csv:3 start_date: \"2024-01-15T09:00:00Z\" is not a date (expected 2025-03-31)"
        },
        {
            "revenue.csv",
            "account_id,month,service_line,revenue\nA1,2025-01-31,Consulting,100",
            "revenue.csv:2 month: \"2025-01-31\" is not a month (expected 2025-03)"
        },
        {
            "leads.csv",
            "lead_id,created_at,source\nL1,yesterday,inbound",
            "leads.csv:2 created_at: \"yesterday\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)"
        },
        {
            "plans.csv",
            "pillar,metric,period,target,owner\nnew_business,bookings,2025-W53,100000,President",
            "plans.csv:2 period: \"2025-W53\" is not a period: 2025 has ISO weeks 1 to 52"
        },

        // Numbers: at most six decimal places, below a trillion.
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1000.1234567,2025-01-10,Won,won,2025-02-15",
            "opportunities.csv:2 amount: \"1000.1234567\" has more than 6 decimal places"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1000000000000,2025-01-10,Won,won,2025-02-15",
            "opportunities.csv:2 amount: \"1000000000000\" is too large (at most 999,999,999,999.999999)"
        },
        {
            "plans.csv",
            "pillar,metric,period,target,owner\ncost_model,operating_margin,2025-Q1,-1000000000000,CFO",
            "plans.csv:2 target: \"-1000000000000\" is too large (at most 999,999,999,999.999999)"
        },
        {
            "plans.csv",
            "pillar,metric,period,target,owner\nnew_business,bookings,2025-Q1,ten,President",
            "plans.csv:2 target: \"ten\" is not a number (use . as the decimal point, no thousands separator or currency symbol)"
        },
        {
            "accounts.csv",
            "account_id,name,employees\nA1,Acme,12.5\nA2,Globex,40",
            "accounts.csv:2 employees: \"12.5\" is not a whole number"
        },
        {
            "engagement.csv",
            "account_id,occurred_at,kind,value\nA1,2025-01-10,nps,high",
            "engagement.csv:2 value: \"high\" is not a number (use . as the decimal point, no thousands separator or currency symbol)"
        },

        // Amounts of revenue, costs, expenses and quotas are never negative (data-format.md, money).
        {
            "revenue.csv",
            "account_id,month,service_line,revenue\nA1,2025-01,Consulting,-100",
            "revenue.csv:2 revenue: \"-100\" is negative"
        },
        {
            "revenue.csv",
            "account_id,month,service_line,revenue,cogs\nA1,2025-01,Consulting,100,-5",
            "revenue.csv:2 cogs: \"-5\" is negative"
        },
        {
            "expenses.csv",
            "month,category,amount\n2025-01,marketing,-300",
            "expenses.csv:2 amount: \"-300\" is negative"
        },
        {
            "quotas.csv",
            "rep_id,period,amount\nR1,2025-Q1,-10000",
            "quotas.csv:2 amount: \"-10000\" is negative"
        },
        {
            "opportunity_history.csv",
            "opportunity_id,changed_at,stage,status,amount\nO1,2025-01-10,Proposal,open,-1000",
            "opportunity_history.csv:2 amount: \"-1000\" is negative"
        },
        {
            "accounts.csv",
            "account_id,name,annual_revenue\nA1,Acme,-5\nA2,Globex,",
            "accounts.csv:2 annual_revenue: \"-5\" is negative"
        },
        {
            "standards.csv",
            "role,type,per,minimum\nae,call,day,-10",
            "standards.csv:2 minimum: \"-10\" is negative"
        },
        {
            "accounts.csv",
            "account_id,name,employees\nA1,Acme,-5\nA2,Globex,",
            "accounts.csv:2 employees: \"-5\" is negative"
        },
        {
            "activities.csv",
            "activity_id,rep_id,type,occurred_at,duration_minutes\nX1,R1,call,2025-01-10T09:00:00Z,-3",
            "activities.csv:2 duration_minutes: \"-3\" is negative"
        },

        // Every enumeration, with its words as data-format.md lists them.
        {
            "opportunities.csv",
            "opportunity_id,account_id,owner_rep_id,service_line,source,amount,created_at,stage,status,closed_at\nO1,A1,R1,Consulting,partner,1000,2025-01-10,Won,won,2025-02-15",
            "opportunities.csv:2 source: \"partner\" is not one of inbound, outbound"
        },
        {
            "opportunities.csv",
            $"{OppHeader},forecast_category\nO1,A1,R1,Consulting,new_business,1000,2025-01-10,Proposal,open,,maybe",
            "opportunities.csv:2 forecast_category: \"maybe\" is not one of pipeline, best_case, commit, closed, omitted"
        },
        {
            "opportunity_history.csv",
            "opportunity_id,changed_at,stage,status,amount\nO1,2025-01-10,Proposal,pending,1000",
            "opportunity_history.csv:2 status: \"pending\" is not one of open, won, lost"
        },
        {
            "leads.csv",
            "lead_id,created_at,source\nL1,2025-01-05,referral",
            "leads.csv:2 source: \"referral\" is not one of inbound, outbound"
        },
        {
            "activities.csv",
            "activity_id,rep_id,type,occurred_at\nX1,R1,lunch,2025-01-10T09:00:00Z",
            "activities.csv:2 type: \"lunch\" is not one of call, email, meeting, demo, proposal, other"
        },
        {
            "quotas.csv",
            "rep_id,period,amount,metric\nR1,2025-Q1,10000,revenue",
            "quotas.csv:2 metric: \"revenue\" is not one of bookings, new_pipeline, meetings, opportunities_created"
        },
        {
            "expenses.csv",
            "month,category,amount\n2025-01,travel,300",
            "expenses.csv:2 category: \"travel\" is not one of sales_salaries, sales_commissions, sales_enablement, marketing, delivery, rnd, g_and_a, other"
        },
        {
            "engagement.csv",
            "account_id,occurred_at,kind\nA1,2025-01-10,email",
            "engagement.csv:2 kind: \"email\" is not one of meeting, qbr, nps, csat, support_ticket, usage"
        },
        {
            "plans.csv",
            "pillar,metric,period,target,owner\ngrowth,bookings,2025-Q1,100000,President",
            "plans.csv:2 pillar: \"growth\" is not one of new_business, retention, expansion, cost_model"
        },
        {
            "plans.csv",
            "pillar,metric,period,target,owner\nnew_business,booking,2025-Q1,100000,President",
            "plans.csv:2 metric: \"booking\" is not an indicator's name from indicators.md (e.g. bookings, grr, expansion_revenue, operating_margin)"
        },
        {
            "standards.csv",
            "role,type,per,minimum\nae,lunch,day,10",
            "standards.csv:2 type: \"lunch\" is not one of call, email, meeting, demo, proposal, other"
        },
        {
            "standards.csv",
            "role,type,per,minimum\nae,call,month,10",
            "standards.csv:2 per: \"month\" is not one of day, week"
        },

        // Duplicate keys in other files; a key column left empty is part of the key.
        {
            "leads.csv",
            "lead_id,created_at,source\nL1,2025-01-05,inbound\nL1,2025-01-06,outbound",
            "leads.csv:3 lead_id: \"L1\" duplicates line 2"
        },
        {
            "plans.csv",
            "pillar,metric,period,target,owner\nnew_business,bookings,2025-Q1,100000,President\nnew_business,bookings,2025-Q1,120000,CFO",
            "plans.csv:3 pillar, metric, period, slice: \"new_business, bookings, 2025-Q1, \" duplicates line 2"
        },
        {
            "reps.csv",
            "rep_id,name\nM1,Maria\nR1,Rita\nR2,Raj\nR1,Rosa",
            "reps.csv:5 rep_id: \"R1\" duplicates line 3"
        },
        {
            "accounts.csv",
            "account_id,name\nA1,Acme\nA2,Globex\nA1,Acme Corp",
            "accounts.csv:4 account_id: \"A1\" duplicates line 2"
        },
        {
            "stages.csv",
            "stage,order\nProposal,1\nProposal,2",
            "stages.csv:3 stage: \"Proposal\" duplicates line 2"
        },
        {
            "activities.csv",
            "activity_id,rep_id,type,occurred_at\nX1,R1,call,2025-01-10T09:00:00Z\nX1,R2,email,2025-01-11T09:00:00Z",
            "activities.csv:3 activity_id: \"X1\" duplicates line 2"
        },
        {
            "opportunity_history.csv",
            "opportunity_id,changed_at,stage,status,amount\nO1,2025-01-10,Proposal,open,1000\nO1,2025-01-10T00:00:00Z,Won,won,1000",
            "opportunity_history.csv:3 opportunity_id, changed_at: \"O1, 2025-01-10T00:00:00Z\" duplicates line 2"
        },
        {
            "revenue.csv",
            "account_id,month,service_line,revenue\nA1,2025-01,Consulting,100\nA1,2025-01,Consulting,200",
            "revenue.csv:3 account_id, month, service_line: \"A1, 2025-01, Consulting\" duplicates line 2"
        },
        {
            "expenses.csv",
            "month,category,amount,team\n2025-01,marketing,300,\n2025-01,Marketing,200,",
            "expenses.csv:3 month, category, team: \"2025-01, marketing, \" duplicates line 2"
        },
        {
            "engagement.csv",
            "event_id,account_id,occurred_at,kind,value\nE1,A1,2025-01-10T15:30:00Z,nps,9\nE1,A1,2025-01-11T09:00:00Z,csat,4",
            "engagement.csv:3 event_id: \"E1\" duplicates line 2"
        },
        {
            "standards.csv",
            "role,type,per,minimum\nae,call,day,10\nae,call,day,12",
            "standards.csv:3 role, type, per: \"ae, call, day\" duplicates line 2"
        },

        // References from every file that names a rep, an account, an opportunity or a lead.
        {
            "accounts.csv",
            "account_id,name,owner_rep_id\nA1,Acme,R9\nA2,Globex,",
            "accounts.csv:2 owner_rep_id: \"R9\" is not in reps.csv or the store"
        },
        {
            "leads.csv",
            "lead_id,created_at,source,owner_rep_id\nL1,2025-01-05,inbound,R9",
            "leads.csv:2 owner_rep_id: \"R9\" is not in reps.csv or the store"
        },
        {
            "leads.csv",
            "lead_id,created_at,source,account_id\nL1,2025-01-05,inbound,A9",
            "leads.csv:2 account_id: \"A9\" is not in accounts.csv or the store"
        },
        {
            "leads.csv",
            "lead_id,created_at,source,opportunity_id\nL1,2025-01-05,inbound,O9",
            "leads.csv:2 opportunity_id: \"O9\" is not in opportunities.csv or the store"
        },
        {
            "activities.csv",
            "activity_id,rep_id,type,occurred_at\nX1,R9,call,2025-01-10T09:00:00Z",
            "activities.csv:2 rep_id: \"R9\" is not in reps.csv or the store"
        },
        {
            "activities.csv",
            "activity_id,rep_id,type,occurred_at,account_id\nX1,R1,call,2025-01-10T09:00:00Z,A9",
            "activities.csv:2 account_id: \"A9\" is not in accounts.csv or the store"
        },
        {
            "activities.csv",
            "activity_id,rep_id,type,occurred_at,lead_id\nX1,R1,call,2025-01-10T09:00:00Z,L9",
            "activities.csv:2 lead_id: \"L9\" is not in leads.csv or the store"
        },
        {
            "quotas.csv",
            "rep_id,period,amount\nR9,2025-Q1,10000",
            "quotas.csv:2 rep_id: \"R9\" is not in reps.csv or the store"
        },
        {
            "revenue.csv",
            "account_id,month,service_line,revenue\nA9,2025-01,Consulting,100",
            "revenue.csv:2 account_id: \"A9\" is not in accounts.csv or the store"
        },
        {
            "engagement.csv",
            "account_id,occurred_at,kind\nA9,2025-01-10,qbr",
            "engagement.csv:2 account_id: \"A9\" is not in accounts.csv or the store"
        },

        // A row rejected for its own cells still has its key and references checked, and rows naming it are told so.
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R9,Consulting,new_business,-1,2025-01-10,Won,won,2025-02-15",
            "opportunities.csv:2 owner_rep_id: \"R9\" is not in reps.csv or the store"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,-1,2025-01-10,Won,won,2025-02-15\nO1,A2,R2,Training,expansion,2500,2025-01-12,Proposal,open,",
            "opportunities.csv:3 opportunity_id: \"O1\" duplicates line 2"
        },
        {
            "reps.csv",
            "rep_id,name,role\nR1,Rita,ae\nR2,Raj,closer\nM1,Maria,manager",
            "opportunities.csv:3 owner_rep_id: \"R2\" names a rejected row of reps.csv (line 3)"
        },
        {
            "reps.csv",
            "rep_id,name,manager_id\nR1,Rita,\nR2,Raj,M9\nM1,Maria,",
            "opportunities.csv:3 owner_rep_id: \"R2\" names a rejected row of reps.csv (line 3)"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,9999-12-31",
            "opportunities.csv:2 closed_at: \"9999-12-31\" is outside the dates Bellwether supports (1970-01-01 to 2100-12-31)"
        },
        {
            "opportunities.csv",
            $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1000,1900-01-01T00:00:00Z,Won,won,2025-02-15",
            "opportunities.csv:2 created_at: \"1900-01-01T00:00:00Z\" is outside the dates Bellwether supports (1970-01-01 to 2100-12-31)"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Import_RejectsBadInput_WithExactErrorLine_AndStoresNothing(string file, string content, string expected)
    {
        using var company = new SmallCompany(new Dictionary<string, string> { [file] = content });

        var result = company.Import();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Err.Split('\n').Select(l => l.TrimEnd()));
        Assert.Contains(expected, File.ReadAllLines(Path.Combine(company.Report, "report.txt")));
        Assert.False(File.Exists(company.Db), "a rejected first import leaves no store file behind");
    }

    [Fact]
    public void Import_ReportsEveryError_NotOnlyTheFirst()
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["opportunities.csv"] = $"{OppHeader}\nO1,A1,R1,Consulting,new_business,-1,2025-01-10,Won,won,2025-02-15\nO2,A2,R2,Training,expansion,abc,2025-13-12,Proposal,open,\nO3,A2,R2,Training,expansion,10,2025-01-12,Proposal,open,",
        });

        var result = company.Import();

        var errors = File.ReadAllLines(Path.Combine(company.Report, "errors.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            [
                "file,line,column,value,reason",
                "opportunities.csv,2,amount,-1,is negative",
                "opportunities.csv,3,amount,abc,\"is not a number (use . as the decimal point, no thousands separator or currency symbol)\"",
                "opportunities.csv,3,created_at,2025-13-12,is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)",
            ],
            errors);
    }

    [Fact]
    public void Import_RowRejectedForItsCells_StillHasItsKeyAndReferencesChecked()
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["opportunities.csv"] = $"""
                {OppHeader}
                O1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15
                O2,A1,R9,Consulting,new_business,-1,2025-01-10,Won,won,2025-02-15
                O1,A9,R2,Training,expansion,abc,2025-01-12,Proposal,open,
                ,A2,R8,Training,expansion,10,2025-01-12,Proposal,open,
                """,
        });

        var result = company.Import();

        // Line 5 has no id, so it takes no part in the duplicate check; its rep is still checked.
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            [
                "file,line,column,value,reason",
                "opportunities.csv,3,amount,-1,is negative",
                "opportunities.csv,4,amount,abc,\"is not a number (use . as the decimal point, no thousands separator or currency symbol)\"",
                "opportunities.csv,5,opportunity_id,,is required",
                "opportunities.csv,4,opportunity_id,O1,duplicates line 2",
                "opportunities.csv,4,account_id,A9,is not in accounts.csv or the store",
                "opportunities.csv,3,owner_rep_id,R9,is not in reps.csv or the store",
                "opportunities.csv,5,owner_rep_id,R8,is not in reps.csv or the store",
            ],
            File.ReadAllLines(Path.Combine(company.Report, "errors.csv")));
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    public void Import_RowsNamingARejectedRow_AreReportedAsSuch_WithOrWithoutSkipInvalid(bool skipInvalid, int exitCode)
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["reps.csv"] = """
                rep_id,name,team,manager_id,role,start_date
                M1,Maria Manager,East,,boss,2023-01-01
                R1,Rita Rep,East,M1,ae,2024-01-15
                R2,Raj Rep,East,R1,ae,2024-03-01
                R3,Rosa Rep,East,,ae,2024-03-01
                """,
            ["opportunities.csv"] = $"""
                {OppHeader}
                O1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15
                O2,A2,R2,Training,expansion,2500,2025-01-12,Proposal,open,
                O3,A2,R3,Training,expansion,300,2025-01-12,Proposal,open,
                """,
            ["activities.csv"] = """
                activity_id,rep_id,type,occurred_at,opportunity_id
                X1,R3,call,2025-01-10T09:00:00Z,O1
                X2,R3,demo,2025-01-11T09:00:00Z,O3
                """,
        });

        var result = skipInvalid ? company.Import("--skip-invalid") : company.Import();

        // R2's manager R1 is rejected only because of M1: the file is checked against itself until nothing changes.
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(
            [
                "file,line,column,value,reason",
                "reps.csv,2,role,boss,\"is not one of ae, sdr, am, manager\"",
                "reps.csv,3,manager_id,M1,names a rejected row of reps.csv (line 2)",
                "reps.csv,4,manager_id,R1,names a rejected row of reps.csv (line 3)",
                "opportunities.csv,2,owner_rep_id,R1,names a rejected row of reps.csv (line 3)",
                "opportunities.csv,3,owner_rep_id,R2,names a rejected row of reps.csv (line 4)",
                "activities.csv,2,opportunity_id,O1,names a rejected row of opportunities.csv (line 2)",
                "quotas.csv,2,rep_id,R1,names a rejected row of reps.csv (line 3)",
            ],
            File.ReadAllLines(Path.Combine(company.Report, "errors.csv")));
        if (skipInvalid)
        {
            Assert.Equal([["R3"]], StoreFingerprint.Query(company.Db, "SELECT rep_id FROM reps"));
            Assert.Equal([["O3"]], StoreFingerprint.Query(company.Db, "SELECT opportunity_id FROM opportunities"));
            Assert.Equal([["X2"]], StoreFingerprint.Query(company.Db, "SELECT activity_id FROM activities"));
            Assert.Equal(0, StoreFingerprint.Count(company.Db, "quotas"));
            Assert.Equal(
                "rep_id,name,team,manager_id,role,start_date\nM1,Maria Manager,East,,boss,2023-01-01\nR1,Rita Rep,East,M1,ae,2024-01-15\nR2,Raj Rep,East,R1,ae,2024-03-01\n",
                File.ReadAllText(Path.Combine(company.Report, "quarantine", "reps.csv")));
        }
        else
        {
            Assert.All(StoreFingerprint.Of(company.Db).Where(t => t.Key is not ("workspaces" or "table_versions")), t => Assert.StartsWith("0:", t.Value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Import_NegativePlanTarget_IsStored()
    {
        // data-format.md: "plan targets may be (an operating margin can be planned below zero)".
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["plans.csv"] = "pillar,metric,period,target,owner\ncost_model,operating_margin,2025-Q1,-0.05,CFO",
        });

        var result = company.Import();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([["operating_margin", -0.05m]], StoreFingerprint.Query(company.Db, "SELECT metric, target FROM plans"));
    }

    [Fact]
    public void Import_FirstImportWithoutReps_SaysRepsAreRequired()
    {
        using var company = new SmallCompany();
        company.Delete("reps.csv");

        var result = company.Import();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("reps.csv: is required: the workspace has none yet", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MatchesHeadersAndEnumerationsCaseInsensitively_AndKeepsExtraColumns()
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["opportunities.csv"] = "Opportunity_ID,ACCOUNT_ID,owner_rep_id,service_line,Type,amount,created_at,stage,Status,closed_at,Deal Color\nO1, A1 ,R1,Consulting,New_Business,1000,2025-01-10,Won,WON,2025-02-15,red",
        });

        var result = company.Import();

        Assert.Equal(0, result.ExitCode);
        var row = StoreFingerprint.Query(company.Db, "SELECT account_id, type, status, attributes FROM opportunities").Single();
        Assert.Equal(["A1", "new_business", "won", "{\"Deal Color\":\"red\"}"], row);
    }

    [Fact]
    public void Import_HeaderWithUnnamedColumns_ReadsTheNamedOnes()
    {
        // Trailing commas, as spreadsheets write them: unnamed columns are never read, so two of them are no repeat.
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["accounts.csv"] = "account_id,name,vertical,,\nA1,Acme,retail,,\nA2,Globex,finance,,",
        });

        var result = company.Import();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([["A1", "retail", null], ["A2", "finance", null]], StoreFingerprint.Query(company.Db, "SELECT account_id, vertical, attributes FROM accounts ORDER BY 1"));
    }

    [Fact]
    public void Import_ReportFolderInsideImportedFolder_IsRefused()
    {
        using var company = new SmallCompany();

        var result = CliRunner.Run("import", company.Folder, "--db", company.Db, "--report", Path.Combine(company.Folder, "report"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the report cannot go inside the folder being imported", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingFolder_FailsWithOneLine()
    {
        using var company = new SmallCompany();

        var result = CliRunner.Run("import", Path.Combine(company.TempPath, "nope"), "--db", company.Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Err.Trim().Split('\n'));
        Assert.Contains("no such folder", result.Err, StringComparison.Ordinal);
    }
}
