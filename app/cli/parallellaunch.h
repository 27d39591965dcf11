#pragma once

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

namespace equiscope::cli {

/// The value of `--nproc N` in @p arguments (1 when absent); −1 when it is not a whole number
/// from 1 to 256.
int requestedProcesses(const QStringList &arguments);

/// `train --nproc N` / `runs resume RUN --nproc N`: runs this process's command line (without
/// --nproc) as N worker processes
/// of one data-parallel run on this machine, with the launch variables of `torchrun` (RANK,
/// WORLD_SIZE, LOCAL_RANK, MASTER_ADDR=127.0.0.1, MASTER_PORT = a free port). Rank 0 trains into
/// the store and prints as a one-process run does; the others write their logs to
/// rank-N.log in a scratch folder, shown when they fail. A run with threads 0 ("all cores")
/// gives each rank cores / N threads (LOCAL_WORLD_SIZE). When a worker fails or dies the others
/// stop on their own within seconds (their collectives fail); any still running after 60 s are
/// killed. Returns rank 0's exit code, or 1 when another rank failed.
int launchLocalRanks(int processes);

/// --nproc N, for the commands that can start a data-parallel run.
QCommandLineOption nprocOption();
/// When @p arguments ask for several processes (--nproc N > 1), runs them
/// (launchLocalRanks) and returns the exit code; −1 when this process should run the command
/// itself. Refuses --nproc inside a process that already is a rank.
int launchRanksIfAsked(const QStringList &arguments);

/// For a worker of rank > 0: a store of its own in a scratch folder (removed at exit), since
/// only rank 0 records the run. Empty for rank 0 and one-process runs; an error message in
/// @p error when the launch variables are malformed.
QString scratchStoreForThisRank(QString *error);

} // namespace equiscope::cli
