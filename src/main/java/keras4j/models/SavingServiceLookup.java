package keras4j.models;

import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the {@link SavingService} once, when this class initializes (on the first save or load). */
final class SavingServiceLookup {
  static final SavingService INSTANCE = find();

  private SavingServiceLookup() {}

  private static SavingService find() {
    Iterator<SavingService> it = ServiceLoader.load(SavingService.class, SavingService.class.getClassLoader()).iterator();
    if (!it.hasNext()) {
      throw new IllegalStateException("No keras4j.models.SavingService on the class path: keras4j's saving package"
          + " (META-INF/services/keras4j.models.SavingService in the keras4j jar) is missing");
    }
    return it.next();
  }
}
