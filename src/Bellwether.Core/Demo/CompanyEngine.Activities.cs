using Bellwether.Core.Activities;
using Bellwether.Core.Reps;

namespace Bellwether.Core.Demo;

/// <summary>
/// What reps do each working day. How many activities a rep logs, and how many outbound leads an SDR prospects, are
/// drawn from the company's stream (they are part of its course); what each activity was about, its minute, outcome
/// and duration are decoration drawn from the activity's id, and are only worked out when rows are written.
/// </summary>
internal sealed partial class CompanyEngine
{
    private List<int>[] _oppsByRep = [];
    private List<int>[] _leadsByRep = [];
    private List<int>[] _clientsByRep = [];

    private void RepDays(DateOnly day)
    {
        ref var rng = ref _s.Random;
        if (_out is not null)
        {
            BucketWork();
        }

        var count = _s.Reps.Count;
        for (var i = 0; i < count; i++)
        {
            var rep = _s.Reps[i];
            if (!rep.IsActive(day))
            {
                continue;
            }

            var productivity = rep.Productivity(day);
            var lambda = CompanyModel.ActivitiesPerDay(rep.Role) * (0.25 + (0.75 * productivity)) * rep.Discipline;
            var activities = rng.Poisson(lambda);
            var prospected = rep.Role == RepRole.Sdr
                ? rng.Poisson(CompanyModel.OutboundLeadsPerSdrDay * productivity * Math.Sqrt(rep.Discipline))
                : 0;
            activities = Math.Max(activities, prospected);
            var firstId = _s.NextActivityId;
            _s.NextActivityId += activities;
            for (var k = 0; k < prospected; k++)
            {
                var lead = OutboundLead(rep, day, BusinessTime(day));
                if (_out is not null)
                {
                    var type = lead.Channel == 1 ? ActivityType.Email : ActivityType.Call;
                    _out.Activity(firstId + k, rep.Id, type, lead.CreatedTicks, lead.AccountId, 0, lead.Id, type == ActivityType.Call ? "connected" : "replied", type == ActivityType.Call ? 12 : 0);
                }
            }

            if (_out is not null)
            {
                for (var id = firstId + prospected; id < firstId + activities; id++)
                {
                    LogActivity(id, rep, day);
                }
            }
        }
    }

    /// <summary>An activity that belongs to an event of the company's course (a meeting booked, a demo held).</summary>
    private void LogEventActivity(int repId, ActivityType type, long ticks, int accountId, long oppId, long leadId, string outcome, int minutes)
    {
        var id = _s.NextActivityId++;
        _out?.Activity(id, repId, type, ticks, accountId, oppId, leadId, outcome, minutes);
    }

    /// <summary>Groups open deals, open leads and clients by their owner, so that an activity can be about one of them.</summary>
    private void BucketWork()
    {
        var reps = _s.Reps.Count;
        if (_oppsByRep.Length < reps + 1)
        {
            _oppsByRep = [.. Enumerable.Range(0, reps + 64).Select(_ => new List<int>())];
            _leadsByRep = [.. Enumerable.Range(0, reps + 64).Select(_ => new List<int>())];
            _clientsByRep = [.. Enumerable.Range(0, reps + 64).Select(_ => new List<int>())];
        }

        foreach (var list in _oppsByRep)
        {
            list.Clear();
        }

        foreach (var list in _leadsByRep)
        {
            list.Clear();
        }

        foreach (var list in _clientsByRep)
        {
            list.Clear();
        }

        for (var i = 0; i < _s.OpenOpps.Count; i++)
        {
            _oppsByRep[_s.OpenOpps[i].OwnerRepId].Add(i);
        }

        for (var i = 0; i < _s.OpenLeads.Count; i++)
        {
            _leadsByRep[_s.OpenLeads[i].OwnerRepId].Add(i);
        }

        foreach (var id in _s.Clients)
        {
            _clientsByRep[_s.Accounts[id].OwnerRepId].Add(id);
        }
    }

    private void LogActivity(long id, RepState rep, DateOnly day)
    {
        var rng = Rng.For(_seed, ActivityStream, id);
        var ticks = DayTicks(day) + ((8 * 3600) + rng.Next(10 * 3600)) * TimeSpan.TicksPerSecond;
        var type = ActivityType.Other;
        int account = 0;
        long opp = 0;
        long lead = 0;
        var opps = _oppsByRep[rep.Id];
        switch (rep.Role)
        {
            case RepRole.Sdr:
                var leads = _leadsByRep[rep.Id];
                if (leads.Count > 0 && rng.Chance(0.7))
                {
                    var l = _s.OpenLeads[leads[rng.Next(leads.Count)]];
                    lead = l.Id;
                    account = l.AccountId;
                }

                type = rng.Chance(0.6) ? ActivityType.Call : ActivityType.Email;
                break;

            case RepRole.Ae or RepRole.Am when opps.Count > 0 && rng.Chance(rep.Role == RepRole.Ae ? 0.85 : 0.35):
                var o = _s.OpenOpps[opps[rng.Next(opps.Count)]];
                opp = o.Id;
                account = o.AccountId;
                type = o.Stage switch
                {
                    <= 2 => Pick(ref rng, ActivityType.Call, 0.35, ActivityType.Email, 0.4, ActivityType.Meeting),
                    3 => Pick(ref rng, ActivityType.Meeting, 0.35, ActivityType.Demo, 0.2, ActivityType.Email),
                    _ => Pick(ref rng, ActivityType.Meeting, 0.35, ActivityType.Email, 0.4, ActivityType.Call),
                };
                break;

            case RepRole.Am:
                var clients = _clientsByRep[rep.Id];
                if (clients.Count > 0 && rng.Chance(0.9))
                {
                    account = clients[rng.Next(clients.Count)];
                }

                type = Pick(ref rng, ActivityType.Email, 0.45, ActivityType.Call, 0.25, ActivityType.Meeting);
                break;

            case RepRole.Ae:
                type = Pick(ref rng, ActivityType.Email, 0.5, ActivityType.Call, 0.3, ActivityType.Other);
                break;

            default:
                type = Pick(ref rng, ActivityType.Meeting, 0.6, ActivityType.Email, 0.3, ActivityType.Other);
                break;
        }

        var (outcome, minutes) = type switch
        {
            ActivityType.Call => rng.Next(10) switch
            {
                < 3 => ("connected", rng.Between(4, 30)),
                < 8 => ("no_answer", 1),
                _ => ("voicemail", 2),
            },
            ActivityType.Email => (rng.Chance(0.15) ? "replied" : "sent", 0),
            ActivityType.Meeting => (rng.Chance(0.92) ? "held" : "no_show", 15 * rng.Between(2, 5)),
            ActivityType.Demo => ("held", 15 * rng.Between(3, 7)),
            ActivityType.Proposal => ("sent", 15 * rng.Between(2, 9)),
            _ => ("done", 15 * rng.Between(1, 3)),
        };
        _out!.Activity(id, rep.Id, type, ticks, account, opp, lead, outcome, minutes);
    }

    private static ActivityType Pick(ref Rng rng, ActivityType first, double firstShare, ActivityType second, double secondShare, ActivityType rest)
    {
        var x = rng.NextDouble();
        return x < firstShare ? first : x < firstShare + secondShare ? second : rest;
    }
}
