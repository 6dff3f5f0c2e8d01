package dev.patchchain.platform.registry;

import dev.patchchain.core.registry.RegistryView;
import dev.patchchain.testing.registry.RegistryViewContract;
import java.util.List;

/** The live view's mapping over a fake Advapi32 passes the same contract as the offline hive. */
class FakeAdvapiRegistryViewContractTest extends RegistryViewContract {

    @Override
    protected RegistryView create(List<Entry> tree) {
        FakeAdvapi api = new FakeAdvapi();
        for (Entry e : tree) {
            if (e.name() == null) {
                api.key("SYSTEM\\" + e.key());
            } else {
                api.value("SYSTEM\\" + e.key(), e.name(), e.type(), e.data());
            }
        }
        return api.view("SYSTEM");
    }
}
