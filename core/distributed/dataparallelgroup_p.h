#pragma once
// Private (LibTorch) header: the c10d objects behind a DataParallelGroup.

#include "distributed/dataparallelgroup.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <chrono>
#include <stdexcept>
#include <string>

namespace equiscope {

struct DataParallelGroup::Private
{
    DistributedEnvironment env;
    QStringList hosts;
    c10::intrusive_ptr<c10d::TCPStore> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
    bool lostContact = false;
    double communicationSeconds = 0;

    /// Runs one collective; a failure (a rank died, a connection closed, the timeout passed)
    /// becomes a std::runtime_error whose text says so in words, with Gloo's own message.
    template <typename Work> void wait(const char *what, Work &&start)
    {
        const auto begin = std::chrono::steady_clock::now();
        try {
            start()->wait();
            communicationSeconds +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        } catch (const std::exception &e) {
            lostContact = true;
            throw std::runtime_error(failureText(what, e.what()));
        }
    }
    /// Starts a collective without waiting (the gradient buckets of a backward); finish() waits.
    template <typename Start> c10::intrusive_ptr<c10d::Work> launch(const char *what, Start &&start)
    {
        try {
            return start();
        } catch (const std::exception &e) {
            lostContact = true;
            throw std::runtime_error(failureText(what, e.what()));
        }
    }
    /// Waits for a launched collective; the time counts as communication (what the backward
    /// did not hide).
    void finish(const char *what, const c10::intrusive_ptr<c10d::Work> &work)
    {
        wait(what, [&] { return work; });
    }
    std::string failureText(const char *what, const std::string &detail) const;
};

} // namespace equiscope
