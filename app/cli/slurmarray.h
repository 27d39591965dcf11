#pragma once

#include "families/sweepplan.h"
#include "util/expected.h"

#include <QMap>
#include <QString>

namespace equiscope::cli {

/// What `sweep run --slurm` asks the scheduler for, per point.
struct SlurmArrayOptions
{
    QString partition;   ///< empty: the cluster's default
    QString timeLimit;   ///< e.g. "02:00:00"; empty: the partition's default
    int nodes = 1;       ///< > 1: each point trains data-parallel over its nodes through srun
    int cpusPerTask = 0; ///< 0: the cluster's default
    int maxRunning = 0;  ///< 0: no limit (the array's "%N")
};

/// Writes DIR/sweep.sbatch — a job array with one task per point, each running
/// `equiscope-cli sweep task DIR $SLURM_ARRAY_TASK_ID` into its own shard (through srun and
/// torchrun's variables when nodes > 1) — submits it with `sbatch --parsable` and records the
/// job id in DIR/slurm.json. The error says what failed: sbatch missing, refused, or a value
/// that cannot go into a job script.
Expected<QString> submitSlurmArray(const QString &dir, const SweepPlan &plan,
                                   const SlurmArrayOptions &options);

/// The job id recorded by submitSlurmArray(), or empty.
QString slurmJobId(const QString &dir);

/// The scheduler's state of each array task still known to it (`squeue`: PENDING, RUNNING, …),
/// by point index; empty when nothing was submitted, the job has left the queue, or squeue is
/// not there.
QMap<int, QString> slurmTaskStates(const QString &dir);

} // namespace equiscope::cli
