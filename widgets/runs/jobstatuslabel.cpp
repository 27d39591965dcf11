#include "runs/jobstatuslabel.h"

#include "jobs/jobqueue.h"

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace {

QString eta(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("…");
    const int s = int(std::lround(seconds));
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

JobStatusLabel::JobStatusLabel(JobQueue *queue, QWidget *parent) : QLabel(parent), m_queue(queue)
{
    setAccessibleName(tr("Job status"));
    connect(queue, &JobQueue::queueChanged, this, &JobStatusLabel::update);
    connect(queue, &JobQueue::jobStarted, this, &JobStatusLabel::jobStarted);
    connect(queue, &JobQueue::jobFinished, this, [this](RunJob *job) {
        m_progress.remove(job);
        update();
    });
    update();
}

void JobStatusLabel::jobStarted(RunJob *job)
{
    m_progress.insert(job, JobProgress{});
    connect(job, &RunJob::progressChanged, this, [this, job](const JobProgress &p) {
        if (m_progress.contains(job)) {
            m_progress[job] = p;
            update();
        }
    });
    update();
}

void JobStatusLabel::update()
{
    const QList<RunJob *> running = m_queue->running();
    const int queued = int(m_queue->pending().size());
    auto describe = [this](RunJob *job) {
        const JobProgress p = m_progress.value(job);
        if (p.epochs <= 0)
            return tr("%1 (starting)").arg(job->displayName());
        return tr("%1 — epoch %2/%3, %4 %, ETA %5")
            .arg(job->displayName())
            .arg(p.epoch)
            .arg(p.epochs)
            .arg(int(std::lround(100 * std::clamp(p.fraction(), 0.0, 1.0))))
            .arg(eta(p.etaSeconds));
    };
    if (running.isEmpty()) {
        setText(queued ? tr("Queued: %1").arg(queued) : tr("No runs training"));
        setToolTip({});
        return;
    }
    QString text = describe(running.first());
    if (running.size() > 1)
        text += tr(" (+%n more running)", nullptr, int(running.size() - 1));
    if (queued)
        text += tr(" · Queued: %1").arg(queued);
    setText(text);
    QStringList lines;
    for (RunJob *job : running)
        lines << describe(job);
    setToolTip(lines.join(QLatin1Char('\n')));
}

} // namespace equiscope
