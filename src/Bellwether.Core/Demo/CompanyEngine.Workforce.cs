using Bellwether.Core.Reps;

namespace Bellwether.Core.Demo;

/// <summary>People: founding the sales organisation, hiring to each team's growing headcount, attrition and hand-overs.</summary>
internal sealed partial class CompanyEngine
{
    /// <summary>Team shapes per unit of scale: function, headcount at the start of history and at its end.</summary>
    private static readonly (string Name, RepRole Function, int Start, int End)[] TeamShapes =
    [
        ("New Business", RepRole.Ae, 5, 7),
        ("New Business", RepRole.Ae, 5, 7),
        ("Development", RepRole.Sdr, 4, 6),
        ("Account Management", RepRole.Am, 3, 5),
    ];

    private void FoundCompany()
    {
        ref var rng = ref _s.Random;
        var head = NewRep(RepRole.Manager, team: -1, unit: 0, manager: null, region: 0, start: _historyStart.AddDays(-rng.Between(900, 2500)));
        for (var unit = 0; unit < _s.UnitCount; unit++)
        {
            var aeTeam = 0;
            foreach (var (name, function, start, end) in TeamShapes)
            {
                var region = function switch
                {
                    RepRole.Ae => aeTeam++ == 0 ? 0 : 1 + (unit % 2),
                    RepRole.Am => unit % CompanyModel.Regions.Length,
                    _ => 0,
                };
                var number = function == RepRole.Ae ? (2 * unit) + aeTeam : unit + 1;
                var teamId = _s.Teams.Count;
                var manager = NewRep(RepRole.Manager, teamId, unit, head.Id, region, _historyStart.AddDays(-rng.Between(400, 2000)));
                _s.Teams.Add(new TeamState(teamId, $"{name} {number}", function, unit, manager.Id, region, start, end));
                for (var i = 0; i < start; i++)
                {
                    NewRep(function, teamId, unit, manager.Id, region, _historyStart.AddDays(-rng.Between(30, 1500)));
                }
            }
        }

        FoundBook();
    }

    private RepState NewRep(RepRole role, int team, int unit, int? manager, int region, DateOnly start)
    {
        ref var rng = ref _s.Random;
        var rep = new RepState
        {
            Id = _s.Reps.Count + 1,
            Role = role,
            Team = team,
            Unit = unit,
            ManagerId = manager,
            Region = region,
            Start = start,
            Skill = rng.LogNormal(0, 0.28),
            Discipline = rng.LogNormal(0, 0.22),
        };
        _s.Reps.Add(rep);
        return rep;
    }

    /// <summary>The ids of a team's reps, ever, in id order; rebuilt from the state when someone was hired.</summary>
    private List<int> TeamMembers(int team)
    {
        if (_teamMembersFor != _s.Reps.Count)
        {
            _teamMembers = [.. _s.Teams.Select(_ => new List<int>())];
            foreach (var rep in _s.Reps)
            {
                if (rep.Team >= 0)
                {
                    _teamMembers[rep.Team].Add(rep.Id);
                }
            }

            _teamMembersFor = _s.Reps.Count;
        }

        return _teamMembers[team];
    }

    private void Workforce(DateOnly day)
    {
        ref var rng = ref _s.Random;
        var dailyAttrition = CompanyModel.AttritionPerYear / 365.0;
        var years = YearsIn(day);
        var span = Math.Max(1.0, _options.Years);
        var count = _s.Reps.Count;
        for (var i = 0; i < count; i++)
        {
            var rep = _s.Reps[i];
            if (rep.Role == RepRole.Manager || !rep.IsActive(day) || rep.Start == day)
            {
                continue;
            }

            // Weak reps are more likely to leave (or be let go).
            var hazard = rep.Skill < 0.8 ? dailyAttrition * 1.8 : dailyAttrition;
            if (rng.Chance(hazard))
            {
                rep.End = day;
                HandOver(rep, day);
            }
        }

        foreach (var team in _s.Teams)
        {
            var target = (int)Math.Round(team.StartHeadcount + ((team.EndHeadcount - team.StartHeadcount) * Math.Min(1.0, years / span)));
            var active = 0;
            foreach (var id in TeamMembers(team.Id))
            {
                var rep = Rep(id);
                if (rep.Role != RepRole.Manager && (rep.End is null || rep.End >= day))
                {
                    active++;
                }
            }

            // An open seat takes about five weeks to fill.
            if (active < target && rng.Chance(1.0 / 35))
            {
                var hire = NewRep(team.Function, team.Id, team.Unit, team.ManagerId, team.Region, day.AddDays(1));
                QuotasForHire(hire);
            }
        }
    }

    /// <summary>A leaver's open leads, deals and clients go to the least loaded colleague in the same role.</summary>
    private void HandOver(RepState leaver, DateOnly day)
    {
        foreach (var lead in _s.OpenLeads)
        {
            if (lead.OwnerRepId == leaver.Id)
            {
                var to = LeastLoaded(leaver.Role, leaver.Unit, day, r => r.OpenLeads);
                lead.OwnerRepId = to.Id;
                to.OpenLeads++;
            }
        }

        foreach (var opp in _s.OpenOpps)
        {
            if (opp.OwnerRepId == leaver.Id)
            {
                var to = LeastLoaded(leaver.Role, leaver.Unit, day, r => r.OpenOpps);
                opp.OwnerRepId = to.Id;
                to.OpenOpps++;
            }
        }

        if (leaver.Role == RepRole.Am)
        {
            foreach (var id in _s.Clients)
            {
                var account = _s.Accounts[id];
                if (account.OwnerRepId == leaver.Id)
                {
                    var to = LeastLoaded(RepRole.Am, leaver.Unit, day, r => r.ClientCount);
                    account.OwnerRepId = to.Id;
                    to.ClientCount++;
                }
            }
        }

        leaver.OpenLeads = 0;
        leaver.OpenOpps = 0;
        leaver.ClientCount = 0;
    }

    /// <summary>
    /// The active rep of the role with the least load per unit of productivity, preferring the unit; falls back to
    /// any unit, then to the unit's manager.
    /// </summary>
    private RepState LeastLoaded(RepRole role, int unit, DateOnly day, Func<RepState, int> load)
    {
        RepState? best = null;
        var bestScore = double.MaxValue;
        for (var pass = 0; pass < 2 && best is null; pass++)
        {
            // Teams are formed unit by unit, so a unit's teams are one run of the list.
            var teams = pass == 0 ? _s.Teams.Skip(unit * TeamShapes.Length).Take(TeamShapes.Length) : _s.Teams;
            foreach (var team in teams)
            {
                if (team.Function != role)
                {
                    continue;
                }

                foreach (var id in TeamMembers(team.Id))
                {
                    var rep = Rep(id);
                    if (rep.Role != role || !rep.IsActive(day))
                    {
                        continue;
                    }

                    var score = (load(rep) + 1) / Math.Max(0.2, rep.Productivity(day));
                    if (score < bestScore)
                    {
                        best = rep;
                        bestScore = score;
                    }
                }
            }
        }

        return best ?? Rep(_s.Teams.First(t => t.Function == role && t.Unit == unit).ManagerId);
    }
}
