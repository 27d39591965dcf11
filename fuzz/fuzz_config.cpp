// Run configs (train --config, bundles' stored configs) of the three families: strict readers
// that must name the JSON path of whatever they refuse.
#include "fuzzsupport.h"

#include "clustering/clusteringconfig.h"
#include "fairssl/fairsslconfig.h"
#include "fare/fareconfig.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonObject json = QJsonDocument::fromJson(fuzz::bytes(data, size)).object();
    fuzz::expectCleanRejection([&] {
        if (auto c = equiscope::FareConfig::fromJson(json); !c)
            fuzz::requireMessage(c.error());
        else if (auto v = c->validate(); !v)
            fuzz::requireMessage(v.error());
        if (auto c = equiscope::FairSslConfig::fromJson(json); !c)
            fuzz::requireMessage(c.error());
        else if (auto v = c->validate(); !v)
            fuzz::requireMessage(v.error());
        if (auto c = equiscope::ClusteringConfig::fromJson(json); !c)
            fuzz::requireMessage(c.error());
        else if (auto v = c->validate(); !v)
            fuzz::requireMessage(v.error());
    });
    return 0;
}
