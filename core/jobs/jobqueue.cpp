#include "jobs/jobqueue.h"

namespace equiscope {

JobQueue::JobQueue(QObject *parent) : QObject(parent) {}

JobQueue::~JobQueue()
{
    cancelAll();
    for (RunJob *job : m_running)
        job->wait();
    qDeleteAll(m_pending);
    qDeleteAll(m_running);
    qDeleteAll(m_done);
}

void JobQueue::enqueue(RunJob *job)
{
    job->setParent(nullptr);
    m_pending.append(job);
    connect(
        job, &RunJob::finished, this,
        [this, job] {
            job->wait();
            m_running.removeOne(job);
            m_done.append(job);
            Q_EMIT jobFinished(job);
            startNext();
            Q_EMIT queueChanged();
        },
        Qt::QueuedConnection);
    startNext();
    Q_EMIT queueChanged();
}

void JobQueue::setMaxConcurrent(int count)
{
    m_maxConcurrent = std::max(1, count);
    startNext();
}

void JobQueue::cancel(RunJob *job)
{
    if (m_pending.removeOne(job)) {
        m_done.append(job);
        Q_EMIT queueChanged();
        return;
    }
    job->requestCancel();
}

void JobQueue::cancelAll()
{
    for (RunJob *job : std::as_const(m_pending))
        m_done.append(job);
    m_pending.clear();
    for (RunJob *job : std::as_const(m_running))
        job->requestCancel();
}

void JobQueue::startNext()
{
    while (m_running.size() < m_maxConcurrent && !m_pending.isEmpty()) {
        RunJob *job = m_pending.takeFirst();
        m_running.append(job);
        // Announce first: listeners connect to the job's signals here, before its thread can
        // emit its first progress.
        Q_EMIT jobStarted(job);
        job->start();
    }
}

} // namespace equiscope
