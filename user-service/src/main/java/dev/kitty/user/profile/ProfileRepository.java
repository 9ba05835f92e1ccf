package dev.kitty.user.profile;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProfileRepository extends JpaRepository<Profile, UUID> {

    /** Case-insensitive substring match; {@code %} and {@code _} in the filter are matched literally. */
    Page<Profile> findByEmailContainingIgnoreCase(String email, Pageable pageable);
}
