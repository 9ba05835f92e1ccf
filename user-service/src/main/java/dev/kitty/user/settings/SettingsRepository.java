package dev.kitty.user.settings;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SettingsRepository extends JpaRepository<Settings, UUID> {
}
