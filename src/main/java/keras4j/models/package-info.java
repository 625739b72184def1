/**
 * Keras's {@code keras.models} and {@code keras.Model}: functional {@link keras4j.models.Model} and {@link
 * keras4j.models.Sequential} ({@code compile}, {@code fit}, {@code evaluate}, {@code predict}, {@code summary},
 * {@code save}), {@link keras4j.models.Models#load} ({@code load_model}) and the {@code fit} options of
 * {@link keras4j.models.Fit}.
 */
package keras4j.models;
