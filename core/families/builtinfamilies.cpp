// The families of this build. Adding a family: its folder under core/ (config, session or
// pipeline, job, a MethodFamily implementation) and one line here; the checklist is in
// docs/design/architecture.md, "Adding a method family".
#include "families/familyregistry.h"

#include "clustering/clusteringfamily.h"
#include "fairssl/fairsslfamily.h"
#include "fare/farefamily.h"

namespace equiscope {

void registerBuiltinFamilies(FamilyRegistry &registry)
{
    registry.add(makeFareFamily());
    registry.add(makeFairSslFamily());
    registry.add(makeClusteringFamily());
}

} // namespace equiscope
