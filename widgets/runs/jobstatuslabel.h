#pragma once

#include "jobs/runjob.h"

#include <QHash>
#include <QLabel>

namespace equiscope {

class JobQueue;

/// The status bar's job indicator: how many runs train and wait, the first running run's name
/// with its epoch, progress and ETA, and every run in the tooltip. Follows the queue's signals.
class JobStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit JobStatusLabel(JobQueue *queue, QWidget *parent = nullptr);

private:
    void jobStarted(RunJob *job);
    void update();

    JobQueue *m_queue = nullptr;
    QHash<const RunJob *, JobProgress> m_progress;
};

} // namespace equiscope
